/** A metric an action asks for, as a snapshot records it. */
export interface AskedMetric {
  /** The snapshot's name for it, e.g. "vacancy-rate". */
  readonly metric: string;
  /** As the minutes name it, e.g. "Vacancy rate". */
  readonly label: string;
  readonly unit: string;
}

/** "…collate final metrics for Vacancy, Turnover and Agency Rates": the list after "metrics/figures for". */
const ASKING = /\b(?:metrics|figures|rates)\s+(?:for|on|of)\s+([^.;:]+)/i;
/** A shared last noun ("… and Agency Rates") names every item of the list. */
const SHARED_NOUN = /^(.*?)\s+(rates?|numbers?|counts?|percentages?)$/i;

const slug = (words: string): string =>
  words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const sentenceCase = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();

/**
 * The metrics an action's words ask for, in the order the minutes list them; none when they ask for no figures.
 * Resolutions name them in prose, so this reads the prose: rates are percentages, anything else a number.
 */
export function figuresAskedBy(text: string | undefined): AskedMetric[] {
  const list = text === undefined ? undefined : ASKING.exec(text)?.[1]?.trim();
  if (!list) return [];
  const items = list
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const shared = SHARED_NOUN.exec(items.at(-1) ?? '');
  const noun = shared?.[2]?.toLowerCase().replace(/s$/, '');
  const names = shared && noun ? [...items.slice(0, -1), shared[1] ?? ''].map((item) => `${item} ${noun}`) : items;
  const asked = names
    .filter((name) => slug(name) !== '')
    .map((name) => ({
      metric: slug(name).slice(0, 100),
      label: sentenceCase(name),
      unit: /\b(?:rate|percentage)$/i.test(name) ? '%' : 'number',
    }));
  return asked.filter((value, index) => asked.findIndex((other) => other.metric === value.metric) === index);
}
