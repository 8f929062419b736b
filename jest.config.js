/** Jest runs TypeScript through SWC as native ESM (NODE_OPTIONS=--experimental-vm-modules). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

/**
 * @fastify/static (the docs' assets) requires content-disposition 2, which is ESM: Node 20 loads it through
 * require(esm), jest's CommonJS loader cannot, so jest compiles that one package to CommonJS.
 */
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];
const ESM_ONLY_DEPENDENCY = 'node_modules/(?:.*/)?content-disposition/dist/';

const common = {
  transform: { '^.+\\.ts$': swc, [`${ESM_ONLY_DEPENDENCY}.+\\.js$`]: swcToCommonJs },
  transformIgnorePatterns: ['/node_modules/(?!(?:.*/)?content-disposition/dist/)'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The libraries' names (package.json "imports") resolve to their sources, as tsc's "source" condition does.
    '^#(domain|event-store|projections|runtime|kafka-relay|console)$': '<rootDir>/libs/$1/src/index.ts',
  },
  testEnvironment: 'node',
  rootDir: '.',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export default {
  testTimeout: 60000,
  // Run test files in a worker that is replaced once it holds over 1 GB after a file: in one process (what jest
  // does on two cores) the ESM module registries of ~160 files grew past Node's 4 GB heap and aborted the run.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
