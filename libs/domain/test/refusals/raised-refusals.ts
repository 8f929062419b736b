import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type Kind = 'conflict' | 'invalid' | 'not-found' | 'forbidden';

/** A refusal read from the source: its code and kind, as the decider raises it. */
export interface Raised {
  readonly code: string;
  readonly kind: Kind;
}

interface Declaration {
  readonly file: string;
  readonly name: string;
  readonly body: string;
}

const KINDS: Record<string, Kind> = { conflict: 'conflict', invalid: 'invalid', notFound: 'not-found', forbidden: 'forbidden' };
const TOP_LEVEL = /^(?:export )?(?:async )?(?:const|function) (\w+)/;
const RAISE = /\b(conflict|invalid|notFound|forbidden)\(\s*([^,]+),/g;

/**
 * Helpers whose codes are formed from their arguments (`requireText(x, 'note')` raises `note-required`): what each
 * call raises, read from the call's arguments. A raise with a computed code outside these is reported as unreadable.
 */
const CODE_FORMERS: Record<string, (args: readonly string[]) => Raised[]> = {
  requireText: ([, field]) => [{ code: `${field}-required`, kind: 'invalid' }],
  requireCalendarDate: ([, field]) => [{ code: `${field}-not-a-date`, kind: 'invalid' }],
  requireBusinessDate: ([, field, , notBefore]) => [
    { code: `${field}-not-a-date`, kind: 'invalid' },
    { code: `${kebab(field!)}-in-future`, kind: 'invalid' },
    ...(notBefore ? [{ code: `${kebab(field!)}-before-${kebab(/what: '([^']+)'/.exec(notBefore)![1]!)}`, kind: 'invalid' as const }] : []),
  ],
  requireStatus: ([, , code]) => [{ code: code!, kind: 'conflict' }],
};

const kebab = (words: string): string =>
  words
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/ /g, '-')
    .toLowerCase();

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function declarationsOf(file: string): Declaration[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found: Declaration[] = [];
  let current: { name: string; lines: string[] } | undefined;
  for (const line of lines) {
    const top = TOP_LEVEL.exec(line);
    if (top || /^(?:export )?(?:type|interface|import) /.test(line)) {
      if (current) found.push({ file, name: current.name, body: current.lines.join('\n') });
      current = top ? { name: top[1]!, lines: [] } : undefined;
    }
    current?.lines.push(line);
  }
  if (current) found.push({ file, name: current.name, body: current.lines.join('\n') });
  return found;
}

/** The names a file imports, each with the file it comes from. */
function importsOf(file: string): Map<string, string> {
  const imports = new Map<string, string>();
  for (const [, names, from] of readFileSync(file, 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)'/g)) {
    const target = resolve(dirname(file), from!.replace(/\.js$/, '.ts'));
    for (const name of names!
      .split(',')
      .map((n) => n.replace(/^\s*type\s+/, '').trim())
      .filter(Boolean))
      imports.set(name, target);
  }
  return imports;
}

/** Splits a call's argument text at its top-level commas. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth--;
    else if (c === ')' && depth === 0) return [...args, text.slice(start, i).trim()].map(unquote);
    else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args.map(unquote);
}

const unquote = (arg: string): string =>
  /^'[^']*'$/.test(arg) ? arg.slice(1, -1) : arg.replace(/^`(.*)`$/, '$1').replace(/\$\{(\w+)\}/g, '{$1}');

export interface DomainSource {
  /** Command type → the name of the function the decider's switch sends it to, and that function's file. */
  readonly commands: ReadonlyMap<string, Declaration>;
  /** Every refusal a command can raise, following the calls its function makes within the domain. */
  raisedBy(command: string): { readonly raised: readonly Raised[]; readonly unreadable: readonly string[] };
  /** Every literal code raised anywhere in the domain, with its kind. */
  readonly allRaised: readonly Raised[];
  /** How many `case '…':` the deciders' decide functions have: each should be a command found. */
  readonly caseCount: number;
  /** What a call of a code-forming helper raises, given its arguments as written. */
  formed(helper: string, args: readonly string[]): Raised[];
}

export function readDomainSource(root: string): DomainSource {
  const files = sourceFiles(root);
  const declarations = files.flatMap(declarationsOf);
  const byFile = new Map(files.map((file) => [file, declarations.filter((d) => d.file === file)]));
  const imports = new Map(files.map((file) => [file, importsOf(file)]));

  const lookup = (from: string, name: string): Declaration | undefined => {
    const own = byFile.get(from)!.find((d) => d.name === name);
    if (own) return own;
    const target = imports.get(from)!.get(name);
    return target ? byFile.get(target)?.find((d) => d.name === name) : undefined;
  };

  const commands = new Map<string, Declaration>();
  let caseCount = 0;
  for (const declaration of declarations) {
    if (!/^decide[A-Z]/.test(declaration.name)) continue;
    caseCount += [...declaration.body.matchAll(/case '/g)].length;
    for (const [, type, fn] of declaration.body.matchAll(/case '(\w+)':\s*return (\w+)\(command/g)) {
      commands.set(type!, lookup(declaration.file, fn!)!);
    }
  }

  const literalRaises = (body: string): { raised: Raised[]; unreadable: string[] } => {
    const raised: Raised[] = [];
    const unreadable: string[] = [];
    for (const [, fn, code] of body.matchAll(RAISE)) {
      const literal = /^'([a-z0-9.-]+)'$/.exec(code!.trim());
      if (literal) raised.push({ code: literal[1]!, kind: KINDS[fn!]! });
      else unreadable.push(`${fn}(${code!.trim()}, …)`);
    }
    return { raised, unreadable };
  };

  const raisedBy = (command: string) => {
    const start = commands.get(command);
    if (!start) throw new Error(`No decider sends ${command}`);
    const raised: Raised[] = [];
    const unreadable: string[] = [];
    const seen = new Set<Declaration>();
    const visit = (declaration: Declaration): void => {
      if (seen.has(declaration)) return;
      seen.add(declaration);
      // A former's own computed code is what its call sites stand for: they are read there, with their arguments.
      if (!(declaration.name in CODE_FORMERS)) {
        const own = literalRaises(declaration.body);
        raised.push(...own.raised);
        unreadable.push(...own.unreadable.map((what) => `${declaration.name}: ${what}`));
      }
      for (const call of declaration.body.matchAll(/\b(\w+)\(/g)) {
        const name = call[1]!;
        if (name === declaration.name) continue;
        const former = CODE_FORMERS[name];
        if (former) raised.push(...former(argumentsAt(declaration.body, call.index! + name.length)));
        const callee = lookup(declaration.file, name);
        if (callee && former) visitFormer(callee);
        else if (callee) visit(callee);
        else if (imports.get(declaration.file)!.has(name)) unreadable.push(`${declaration.name}: cannot follow ${name} to its file`);
      }
    };
    /** A former's literal raises; the formers it calls (requireBusinessDate's requireCalendarDate) it stands for itself. */
    const visitFormer = (declaration: Declaration): void => {
      if (seen.has(declaration)) return;
      seen.add(declaration);
      raised.push(...literalRaises(declaration.body).raised);
    };
    visit(start);
    return { raised: unique(raised), unreadable: [...new Set(unreadable)] };
  };

  return {
    commands,
    raisedBy,
    allRaised: unique(declarations.flatMap((d) => literalRaises(d.body).raised)),
    caseCount,
    formed: (helper, args) => CODE_FORMERS[helper]!(args.map(unquote)),
  };
}

function unique(raised: readonly Raised[]): Raised[] {
  const keyed = new Map(raised.map((r) => [`${r.kind} ${r.code}`, r]));
  return [...keyed.values()];
}
