/** The roles a token may carry; any other value in its `roles` claim is ignored. */
export const ROLES = ['officer', 'scrutiny', 'monitoring', 'member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
