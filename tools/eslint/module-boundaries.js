/**
 * One ESLint rule for the monorepo's boundaries, judged on where an import lands, not how it is spelled:
 * - an app never imports another app;
 * - a library never imports an app;
 * - code outside a library imports it only by its name (`#domain`, `#event-store`, ...), never a file inside it.
 */
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** 'apps/api/src/x.ts' → { kind: 'apps', name: 'api' } */
function unitOf(file) {
  const [kind, name] = path.relative(repoRoot, file).split(path.sep);
  return kind === 'apps' || kind === 'libs' ? { kind, name } : undefined;
}

function problemWith(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const from = unitOf(fromFile);
  const to = unitOf(path.resolve(path.dirname(fromFile), specifier));
  if (to === undefined || (from?.kind === to.kind && from.name === to.name)) return undefined;
  if (to.kind === 'libs') return `Import the library by its name ('#${to.name}'), not a file inside it.`;
  if (from?.kind === 'apps') return `An app never imports another app (apps/${to.name}): move what both use into a library.`;
  if (from?.kind === 'libs') return `A library never imports an app (apps/${to.name}).`;
  return undefined;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'apps stand apart; libraries are imported by name' } },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const message = problemWith(context.filename, source.value);
      if (message) context.report({ node: source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'module-boundaries': rule } };
