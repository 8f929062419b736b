import { readFileSync } from 'node:fs';

type LockedPackage = {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
};
type Lockfile = { readonly lockfileVersion: number; readonly packages: Record<string, LockedPackage> };
type Manifest = { readonly dependencies: Record<string, string>; readonly devDependencies: Record<string, string> };

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as T;
const lock = read<Lockfile>('package-lock.json');
const manifest = read<Manifest>('package.json');

/** Where Node would find `name` from the package installed at `path`: its own node_modules, then each ancestor's. */
function resolves(path: string, name: string): boolean {
  for (let at = path; ;) {
    if (lock.packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
    if (!at) return false;
    const parent = at.lastIndexOf('/node_modules/');
    at = parent < 0 ? '' : at.slice(0, parent);
  }
}

// `npm install` rewrites the lockfile when package.json asks for something it does not hold, or when a
// platform's optional package (swc, parcel watcher …) was left out by an install on another platform.
describe('package-lock.json, so that npm install on a fresh clone leaves it unchanged', () => {
  it('holds every dependency of package.json with the range package.json asks for', () => {
    const root = lock.packages[''];
    expect(root?.dependencies).toEqual(manifest.dependencies);
    expect(root?.devDependencies).toEqual(manifest.devDependencies);
  });

  it("holds every platform's optional packages that any locked package declares", () => {
    const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(lock.packages)).toEqual(
      expect.arrayContaining(['node_modules/@swc/core-darwin-arm64', 'node_modules/@swc/core-win32-x64-msvc']),
    );
  });
});
