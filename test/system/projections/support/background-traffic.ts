import type { SqlDatabase } from '#event-store';
import type { FeatureApp } from '../../../../apps/api/test/features/support/feature-app.js';

/** What views saw while something else happened: every read must succeed, and counts never go back. */
export interface ReadLog {
  reads: number;
  failures: string[];
  /** A count that went down between two reads (the read side moved backwards). */
  regressions: string[];
}

/** Views reading the live read models in a loop: the metric series over HTTP, and counts straight from the tables. */
export function readContinuously(f: FeatureApp, db: SqlDatabase): { log: ReadLog; stop: () => Promise<void> } {
  const log: ReadLog = { reads: 0, failures: [], regressions: [] };
  const last = new Map<string, number>();
  let running = true;
  const observe = (what: string, value: number) => {
    if (value < (last.get(what) ?? 0)) log.regressions.push(`${what} went from ${last.get(what)} to ${value}`);
    last.set(what, value);
  };
  const loop = (async () => {
    while (running) {
      try {
        const series = await f.http().get('/api/v1/metrics/vacancy-rate/series').query({ subject: 'Adult Social Care' });
        if (series.status !== 200) log.failures.push(`series answered ${series.status}: ${JSON.stringify(series.body)}`);
        const { rows } = await db.query<{ actions: string; audit: string; points: string }>(
          `SELECT (SELECT count(*) FROM rm_actions)::text AS actions, (SELECT count(*) FROM rm_audit_events)::text AS audit,
                  (SELECT count(*) FROM rm_metric_points)::text AS points`,
        );
        observe('rm_actions', Number(rows[0]?.actions));
        observe('rm_audit_events', Number(rows[0]?.audit));
        observe('rm_metric_points', Number(rows[0]?.points));
        log.reads++;
      } catch (error) {
        log.failures.push(String(error));
      }
    }
  })();
  return {
    log,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Commands in a loop (progress reports, chases, metric snapshots), so the live runner always has work. */
export function writeContinuously(f: FeatureApp, actionIds: readonly string[]): { written: () => number; stop: () => Promise<void> } {
  let running = true;
  let written = 0;
  const writer = async (lane: number) => {
    for (let n = 0; running; n++) {
      const actionId = actionIds[(lane + n) % actionIds.length] as string;
      const res =
        n % 3 === 0
          ? await f
              .http()
              .post('/api/v1/metric-snapshots')
              .send({
                subject: 'Adult Social Care',
                asOf: '2017-01-31',
                source: 'HR',
                values: [{ metric: 'vacancy-rate', value: n % 50, unit: '%' }],
              })
          : await f
              .http()
              .post(`/api/v1/actions/${actionId}/${n % 3 === 1 ? 'progress' : 'chase'}`)
              .send(n % 3 === 1 ? { note: `lane ${lane} #${n}` } : {});
      if (res.status === 200 || res.status === 201) written++;
      else if (res.status !== 409) throw new Error(`background write answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  };
  const lanes = Promise.all([0, 1, 2].map(writer));
  return {
    written: () => written,
    stop: async () => {
      running = false;
      await lanes;
    },
  };
}
