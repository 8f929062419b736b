import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONSOLE_ASSETS, GOVUK_DIST } from './render.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const GOVUK = path.join(GOVUK_DIST, 'govuk');
const GOVUK_ASSETS = path.join(GOVUK, 'assets');
/** Names and folders of letters, digits, - and _, joined by single dots and slashes: never .. or a hidden file. */
const SAFE_PATH = /^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$/;

/** The file an /assets/ path names: the console's own script, govuk-frontend's CSS and JS, or its fonts and images. */
function fileFor(relative: string): string | undefined {
  if (!SAFE_PATH.test(relative)) return undefined;
  if (relative === 'console.js' || relative === 'audit-verify.js' || relative === 'console-print.css')
    return path.join(CONSOLE_ASSETS, relative);
  if (relative === 'govuk-frontend.min.css' || relative === 'govuk-frontend.min.js') return path.join(GOVUK, relative);
  return path.join(GOVUK_ASSETS, relative);
}

/** Sends the asset and answers true, or answers false when there is none by that name. */
export function sendAsset(relative: string, res: ServerResponse, headOnly: boolean): boolean {
  const file = fileFor(relative);
  const type = file === undefined ? undefined : TYPES[path.extname(file)];
  if (file === undefined || type === undefined) return false;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Cache-Control', 'public, max-age=3600');
  if (headOnly) {
    res.end();
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
