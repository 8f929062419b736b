import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Beside src/ in the sources; the build copies views/ and assets/ to the same place under dist/. */
export const CONSOLE_VIEWS = path.resolve(here, '../views');
export const CONSOLE_ASSETS = path.resolve(here, '../assets');
/** govuk-frontend's dist folder: its templates (govuk/...) and its compiled CSS, JS, fonts and images. */
export const GOVUK_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

const LONDON = 'Europe/London';
const ukDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const ukTime = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON });

/**
 * The formatted text of each value seen lately: a page of 100 rows repeats its dates, and Intl formatting is a
 * fifth of a list's render. Emptied when full, so it never grows past its bound.
 */
function remembered(format: (value: string) => string, bound = 10_000): (value: unknown) => string {
  const seen = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string') return '';
    let text = seen.get(value);
    if (text === undefined) {
      if (seen.size >= bound) seen.clear();
      seen.set(value, (text = format(value)));
    }
    return text;
  };
}

/** 2017-02-15 → 15 February 2017 (a calendar date, read at noon UTC so no zone moves it). */
function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : ukDate.format(date);
}

/** An instant as GOV.UK writes it: 15 February 2017 at 6:00pm, UK time. */
function formatDateTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${ukDate.format(date)} at ${ukTime.format(date).replace(' ', '').toLowerCase()}`;
}

/** ActionProgressReported → Action progress reported. */
function eventText(type: unknown): string {
  if (typeof type !== 'string') return '';
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const STATUS_TEXT: Record<string, string> = {
  open: 'Open',
  completed: 'Completed, awaiting sign-off',
  closed: 'Signed off',
  withdrawn: 'Withdrawn',
};

export const RAG_TEXT = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
const RAG_CLASS = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' } as const;

export type Renderer = (view: string, context: Record<string, unknown>) => string;

/** Nunjucks over the console's views and govuk-frontend's templates, escaping everything it prints. */
export function createRenderer(): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([CONSOLE_VIEWS, GOVUK_DIST], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('ukDate', remembered(formatDate));
  env.addFilter('ukDateTime', remembered(formatDateTime));
  env.addFilter('eventText', eventText);
  env.addFilter('statusText', (status: unknown) => (typeof status === 'string' ? (STATUS_TEXT[status] ?? status) : ''));
  env.addGlobal('ragText', RAG_TEXT);
  env.addGlobal('ragClass', RAG_CLASS);
  return (view, context) => env.render(`${view}.njk`, context);
}
