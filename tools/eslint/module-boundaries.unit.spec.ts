import path from 'node:path';
import { Linter } from 'eslint';
import boundaries from './module-boundaries.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function problemsIn(file: string, code: string): string[] {
  const config = [{ plugins: { actiontrail: boundaries }, rules: { 'actiontrail/module-boundaries': 'error' as const } }];
  return new Linter({ configType: 'flat' }).verify(code, config, { filename: path.join(repoRoot, file) }).map((problem) => problem.message);
}

describe('the module-boundaries lint rule', () => {
  it('refuses an app importing another app', () => {
    expect(problemsIn('apps/api/src/x.js', "import { main } from '../../projector/src/main.js';")).toEqual([
      'An app never imports another app (apps/projector): move what both use into a library.',
    ]);
  });

  it('refuses a library importing an app', () => {
    expect(problemsIn('libs/runtime/src/x.js', "export * from '../../../apps/api/src/app.module.js';")).toEqual([
      'A library never imports an app (apps/api).',
    ]);
  });

  it('refuses a file inside a library from outside it, and says to use its name', () => {
    expect(problemsIn('apps/api/src/x.js', "import { fold } from '../../../libs/domain/src/shared/decider.js';")).toEqual([
      "Import the library by its name ('#domain'), not a file inside it.",
    ]);
    expect(problemsIn('libs/projections/src/x.js', "const store = import('../../event-store/src/index.js');")).toHaveLength(1);
  });

  it('allows library names, relative imports within one app or library, and packages', () => {
    const code = [
      "import { fold } from '#domain';",
      "import { thing } from './thing.js';",
      "import { other } from '../platform/other.js';",
      "import pg from 'pg';",
    ].join('\n');
    expect(problemsIn('apps/api/src/features/x.js', code)).toEqual([]);
    expect(problemsIn('libs/projections/src/engine/x.js', "import { y } from '../records/y.js';")).toEqual([]);
  });
});
