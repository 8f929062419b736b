/** The query parameter that carries a page's cursor. */
export const CURSOR_PARAM = 'after';

export interface Pagination {
  /** The next page, keeping the other query parameters (the filters); absent on the last page. */
  readonly next?: string | undefined;
  /** The first page with the same filters; absent on the first page. */
  readonly first?: string | undefined;
}

/** The cursor a request asks for: absent (the first page) when the parameter is missing or empty. */
export function cursorOf(query: URLSearchParams): string | undefined {
  return query.get(CURSOR_PARAM) || undefined;
}

/** The GOV.UK pagination links of a cursor-paged list at `path`: Next and, past the first page, First. */
export function paginationOf(path: string, query: URLSearchParams, nextCursor: string | null): Pagination {
  const kept = new URLSearchParams([...query].filter(([name]) => name !== CURSOR_PARAM));
  const href = (params: URLSearchParams) => (params.size > 0 ? `${path}?${params.toString()}` : path);
  const next = nextCursor === null ? undefined : href(new URLSearchParams([...kept, [CURSOR_PARAM, nextCursor]]));
  return { next, first: cursorOf(query) === undefined ? undefined : href(kept) };
}
