import { fileURLToPath } from 'node:url';
import { askChild } from '../api/run-load.js';
import type { BenchServer } from './bench-server.js';
import { requestFor, type RouteName } from './bench-requests.js';
import type { FixedLoadPlan, FixedLoadResult } from './load-client.js';

const LOAD_CLIENT = fileURLToPath(new URL('./load-client.js', import.meta.url));

export interface Scenario {
  readonly route: RouteName;
  readonly connections: number;
}

export interface Measurement extends Scenario {
  readonly adapter: string;
  readonly round: number;
  readonly load: FixedLoadResult;
  readonly requestsPerSec: number;
  /** The server process's CPU time over the measured run divided by the answers it gave. */
  readonly serverCpuMsPerRequest: number;
}

export interface Timing {
  readonly warmUpSeconds: number;
  readonly seconds: number;
}

function planFor(server: BenchServer, scenario: Scenario, durationSec: number): FixedLoadPlan {
  return { baseUrl: server.baseUrl, request: requestFor(scenario.route), connections: scenario.connections, durationSec };
}

/** A warm-up, then a measured run with the server's CPU read just before and just after it. */
export async function measureRound(server: BenchServer, scenario: Scenario, round: number, timing: Timing): Promise<Measurement> {
  await askChild<FixedLoadResult>(LOAD_CLIENT, planFor(server, scenario, timing.warmUpSeconds));
  const cpuBefore = await server.cpuMs();
  const load = await askChild<FixedLoadResult>(LOAD_CLIENT, planFor(server, scenario, timing.seconds));
  const cpuMs = (await server.cpuMs()) - cpuBefore;
  return {
    ...scenario,
    adapter: server.adapter,
    round,
    load,
    requestsPerSec: load.durationSec > 0 ? load.responses / load.durationSec : 0,
    serverCpuMsPerRequest: load.responses > 0 ? cpuMs / load.responses : Number.NaN,
  };
}
