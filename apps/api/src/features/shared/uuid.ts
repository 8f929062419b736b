const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids named in routes are UUIDs; the guard asks before any pipe has checked the route parameter. */
export const isUuid = (id: string): boolean => UUID.test(id);
