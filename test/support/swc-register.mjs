// Runs the TypeScript sources under plain Node, without a build: `node --import ./test/support/swc-register.mjs
// apps/projector/src/main.ts`. Compiles each .ts file with SWC exactly as jest.config.js does, and maps the
// `.js` of relative imports to the `.ts` beside it, and the libraries' names to their sources. Tests use it to spawn real child processes.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath, URL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { transformSync } from '@swc/core';
import jestConfig from '../../jest.config.js';

// The hooks run on a thread of their own, which loads this file again: only the main thread registers them.
if (isMainThread) register(import.meta.url);

const [, swcOptions] = jestConfig.projects[0].transform['^.+\\.ts$'];

export async function resolve(specifier, context, nextResolve) {
  // The libraries' names (package.json "imports") have a "source" condition that points at their TypeScript.
  if (specifier.startsWith('#')) return nextResolve(specifier, { ...context, conditions: ['source', ...context.conditions] });
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  if (relative && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const typescript = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(typescript))) return { url: typescript.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename, sourceMaps: 'inline' });
  return { format: 'module', source: code, shortCircuit: true };
}
