/** The two routes under load and what is sent to them; shared by the app, the check and the load client. */
export const ENTRIES_PATH = '/entries';
export const BENCH_AUTHORIZATION = 'Bearer x';

export const VALID_ENTRY = {
  title: 'Publish the quarterly housing figures',
  ownerId: '5d1f8a2c-6b7e-4e0a-8c3d-2f9b1a7e6c4d',
  dueOn: '2027-02-15',
  rag: 'amber',
  note: 'Figures collated for Q3; awaiting agency data',
} as const;

export type RouteName = 'POST' | 'GET';

export interface BenchRequest {
  readonly method: RouteName;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export function requestFor(route: RouteName): BenchRequest {
  if (route === 'GET') return { method: 'GET', path: ENTRIES_PATH, headers: { authorization: BENCH_AUTHORIZATION } };
  return {
    method: 'POST',
    path: ENTRIES_PATH,
    headers: { authorization: BENCH_AUTHORIZATION, 'content-type': 'application/json' },
    body: JSON.stringify(VALID_ENTRY),
  };
}
