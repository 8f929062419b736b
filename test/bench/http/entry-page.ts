import { RAG_STATUSES } from './create-entry.dto.js';

export interface EntrySummary {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueOn: string;
  readonly rag: string;
}

export interface EntryPage {
  readonly items: readonly EntrySummary[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

const ENTRIES_PER_PAGE = 12;

/** About 2 KB of JSON, like one page of the api's action list; built once, serialised on every request. */
export const ENTRY_PAGE: EntryPage = {
  items: Array.from({ length: ENTRIES_PER_PAGE }, (_, i) => ({
    id: `0b7c6f1e-3f4a-4c2b-9d8e-${String(i).padStart(12, '0')}`,
    title: `Review the committee's action ${i + 1} on housing`,
    ownerId: '5d1f8a2c-6b7e-4e0a-8c3d-2f9b1a7e6c4d',
    dueOn: `2027-0${(i % 9) + 1}-15`,
    rag: RAG_STATUSES[i % RAG_STATUSES.length] ?? 'green',
  })),
  page: 1,
  pageSize: ENTRIES_PER_PAGE,
  total: 240,
};
