/** Stream categories: the text before the first '-' of a stream id (ids themselves may hold '-'). */
export const streamCategories = [
  'post',
  'person',
  'committee',
  'meeting',
  'resolution',
  'action',
  'metric',
  'recommendation',
  'decision',
] as const;
export type StreamCategory = (typeof streamCategories)[number];

export type StreamId = `${StreamCategory}-${string}`;

/** Which category each aggregate's streams live in. */
export const categoryOfAggregate = {
  post: 'post',
  person: 'person',
  committee: 'committee',
  meeting: 'meeting',
  resolution: 'resolution',
  action: 'action',
  'metric-snapshot': 'metric',
  recommendation: 'recommendation',
  'executive-decision': 'decision',
} as const satisfies Record<string, StreamCategory>;

export const streamIdFor = (category: StreamCategory, id: string): StreamId => `${category}-${id}`;

export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

/** The aggregate id a stream id was made from; '' when the stream id has no '-'. */
export const idOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? '' : streamId.slice(dash + 1);
};

export const isStreamCategory = (value: string): value is StreamCategory => (streamCategories as readonly string[]).includes(value);
