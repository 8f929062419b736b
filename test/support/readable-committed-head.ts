import type { EventStore, SqlDatabase } from '#event-store';

/**
 * The position of the last event committed, once the log can be read up to it: the store's readable head stops below
 * any transaction still open anywhere on the server (other suites, other databases), so it can lag what was written.
 */
export async function readableCommittedHead(store: EventStore & { readonly db: SqlDatabase }, timeoutMs = 30_000): Promise<number> {
  const { rows } = await store.db.query<{ head: string | null }>('SELECT max(global_position)::text AS head FROM events');
  const head = Number(rows[0]?.head ?? 0);
  const deadline = Date.now() + timeoutMs;
  while ((await store.headPosition()) < head) {
    if (Date.now() > deadline) throw new Error(`the log's readable head stayed below the committed head ${head} for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return head;
}
