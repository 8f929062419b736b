import { writeFile } from 'node:fs/promises';
import { Session, type Profiler, type Runtime } from 'node:inspector';

/** Profiles this process (the app) while the measured load runs; BENCH_API_CPU_PROFILE=<dir> turns it on. */
export interface CpuProfiling {
  /** Writes <dir>/api-<label>.cpuprofile (open it in Chrome DevTools) and answers a summary by code area. */
  stop(label: string): Promise<string>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

export async function startCpuProfile(dir: string | undefined): Promise<CpuProfiling | undefined> {
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  return {
    async stop(label) {
      const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
      session.disconnect();
      const file = `${dir}/api-${label}.cpuprofile`;
      await writeFile(file, JSON.stringify(profile));
      return `    CPU profile of the app during the measured load: ${file}\n${summarise(profile)}`;
    },
  };
}

/** Groups code by npm package, by our app/lib folder, or by Node's own modules. */
function areaOf(frame: Runtime.CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const pkg = /node_modules\/(?!\.cache)(@[^/]+\/[^/]+|[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  const ours = /\/((?:apps|libs)\/[^/]+\/src\/[^/]+)/.exec(url);
  if (ours) return ours[1] ?? url;
  if (url.includes('/test/bench/')) return 'bench instrumentation';
  return url.startsWith('node:') ? `node ${url.slice(5).split('/').slice(0, 2).join('/')}` : url;
}

/** Self time by area, and the share of samples with each area anywhere on the stack (inclusive). */
function summarise(profile: Profiler.Profile, top = 14): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const us = deltas[i + 1] ?? 0;
    total += us;
    const node = nodes.get(id);
    if (!node) return;
    const area = areaOf(node.callFrame);
    self.set(area, (self.get(area) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (frame) seen.add(areaOf(frame));
    }
    for (const a of seen) inclusive.set(a, (inclusive.get(a) ?? 0) + us);
  });
  const lines = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, us]) => `      ${((100 * us) / total).toFixed(1).padStart(5)}%  ${area}`);
  return [
    `    self time by area (of ${(total / 1e6).toFixed(1)} s sampled):`,
    ...lines(self),
    '    inclusive (area anywhere on the stack):',
    ...lines(inclusive),
  ].join('\n');
}
