import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { bringDatabaseBack, dropScenarioSchema, RESILIENCE_URL, scenarioSchema, takeDatabaseDown } from './support/database.js';
import { dropIdleConnections, jsonOf, type Outcome } from './support/http-client.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import { ServiceProcess } from './support/service-process.js';
import { recordScenario, say } from './support/summary.js';
import { newActionBody, postCommand, seedWorld, STAFF, type World } from './support/world.js';

const SCENARIO = 'retries';
/** The api that widens the moment between commit and answer, so the drill can strike there for certain. */
const HOLD_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statusOf = (outcome: Outcome) => (outcome.kind === 'answer' ? outcome.status : outcome.error);

/**
 * Retrying a command with the same Idempotency-Key after an ambiguous failure: the events must land exactly once.
 * One api holds every keyed command for HOLD_MS after its commit (the drill cuts the database or SIGKILLs it then),
 * the other answers 503 after its commit as a lost acknowledgement would (the claim is released).
 */
describe('retries after an ambiguous failure land exactly once', () => {
  const schema = scenarioSchema('retries');
  let idp: LocalIdentityProvider;
  let holding: ServiceProcess;
  let losing: ServiceProcess;
  let world: World;
  /** For the suite's summary: every request sent, its 2xx answers and 503s, and the events the keyed commands left. */
  const tally = { requests: 0, acknowledged: 0, unavailable: 0, serverErrors: 0, stored: 0 };

  /** Read straight from the tables on a connection of its own, so a cut never leaves the check half-open. */
  async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: RESILIENCE_URL, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`SET search_path TO ${schema}`);
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const versionOf = async (streamId: string) =>
    Number((await sql<{ v: number }>('SELECT coalesce(max(stream_version), 0) AS v FROM events WHERE stream_id = $1', [streamId]))[0]?.v);
  const committeesNamed = async (name: string) =>
    (await sql<{ stream_id: string }>(`SELECT stream_id FROM events WHERE type = 'CommitteeCreated' AND data->>'name' = $1`, [name])).map(
      (row) => row.stream_id,
    );
  /** Stands in for 60 s passing: the claim looks as old as one whose request died a minute ago. */
  const ageClaim = (key: string) => sql(`UPDATE idempotency_keys SET created_at = now() - interval '61 seconds' WHERE key = $1`, [key]);
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (const deadline = Date.now() + HOLD_MS; Date.now() < deadline; await sleep(25)) if (await check()) return;
    throw new Error(`${what} did not happen within ${HOLD_MS} ms`);
  };
  const counted = async (sending: Promise<Outcome>): Promise<Outcome> => {
    const outcome = await sending;
    const status = outcome.kind === 'answer' ? outcome.status : 0;
    tally.requests++;
    if (status >= 200 && status < 300) tally.acknowledged++;
    if (status === 503) tally.unavailable++;
    else if (status >= 500) tally.serverErrors++;
    return outcome;
  };
  const progress = (api: ServiceProcess, actionId: string, key: string) =>
    counted(
      postCommand(
        api.port,
        idp,
        STAFF,
        `/actions/${actionId}/progress`,
        { note: `Progress under key ${key}`, rag: 'amber' },
        { 'Idempotency-Key': key },
      ),
    );
  const createCommittee = (api: ServiceProcess, name: string, key: string) =>
    counted(postCommand(api.port, idp, STAFF, '/committees', { name, kind: 'task-and-finish' }, { 'Idempotency-Key': key }));
  const newAction = async (n: number): Promise<string> => {
    const body = newActionBody(world, world.holders[0] as World['holders'][number], n);
    const outcome = await postCommand(holding.port, idp, STAFF, '/actions', body);
    if (statusOf(outcome) !== 201) throw new Error(`assigning an action gave ${statusOf(outcome)}`);
    return String(body.id);
  };
  /** Prints what a case saw, and counts the events its keyed command left (1 when it landed exactly once). */
  const report = (name: string, line: string, eventsOfTheCommand: number) => {
    tally.stored += eventsOfTheCommand;
    say(SCENARIO, `${name}: ${line}`);
  };

  beforeAll(async () => {
    idp = await LocalIdentityProvider.start();
    const env = { ...idp.environment, PROJECTIONS: 'off' };
    holding = await ServiceProcess.create({
      kind: 'api',
      name: 'res-retries-hold',
      schema,
      env: { ...env, ACTIONTRAIL_TEST_AFTER_APPEND: `hold:${HOLD_MS}` },
    });
    losing = await ServiceProcess.create({
      kind: 'api',
      name: 'res-retries-lose',
      schema,
      env: { ...env, ACTIONTRAIL_TEST_AFTER_APPEND: 'lose-answer' },
    });
    await holding.start();
    await losing.start();
    world = await seedWorld(holding.port, idp, 1);
  }, 180_000);

  afterAll(async () => {
    await bringDatabaseBack();
    await holding?.stop();
    await losing?.stop();
    await idp?.close();
    await dropScenarioSchema(schema);
    recordScenario({ scenario: SCENARIO, ...tally, recovery: `${tally.stored} command events for 5 retried commands` });
  });

  it('(a) given the commit landed but the answer was lost (503, claim released), when retried, then one event and the first result', async () => {
    const actionId = await newAction(1);
    const lost = await progress(losing, actionId, 'retry-a');
    const retried = await progress(losing, actionId, 'retry-a');
    const version = await versionOf(`action-${actionId}`);
    report('(a) lost answer', `first ${statusOf(lost)}, retry ${statusOf(retried)}, stream at version ${version}`, version - 1);
    expect(statusOf(lost)).toBe(503);
    expect(statusOf(retried)).toBe(200);
    expect(retried.kind === 'answer' && jsonOf(retried)).toMatchObject({ id: actionId, version: 2 });
    expect(version).toBe(2);
  });

  it('(a) given a create without a client id lost its answer, when retried, then one record', async () => {
    const name = `Retried committee ${randomUUID()}`;
    const lost = await createCommittee(losing, name, 'retry-a-create');
    const retried = await createCommittee(losing, name, 'retry-a-create');
    const made = await committeesNamed(name);
    report('(a) lost answer, create', `first ${statusOf(lost)}, retry ${statusOf(retried)}, ${made.length} committee(s)`, made.length);
    expect([statusOf(lost), statusOf(retried)]).toEqual([503, 201]);
    expect(made).toEqual([`committee-${String(retried.kind === 'answer' && jsonOf(retried)?.id)}`]);
  });

  it('(b) given the database was cut after the commit so completing the claim failed, when retried after the claim expired, then one event', async () => {
    const actionId = await newAction(2);
    const first = progress(holding, actionId, 'retry-b');
    await until('the first commit', async () => (await versionOf(`action-${actionId}`)) === 2);
    const cut = await takeDatabaseDown();
    const firstOutcome = await first;
    await bringDatabaseBack();
    const whileClaimed = await progress(holding, actionId, 'retry-b');
    await ageClaim('retry-b');
    const retried = await progress(holding, actionId, 'retry-b');
    const version = await versionOf(`action-${actionId}`);
    report(
      '(b) completion failed',
      `${cut} connections cut; first ${statusOf(firstOutcome)}, retry while claimed ${statusOf(whileClaimed)}, after expiry ${statusOf(retried)}, stream at version ${version}`,
      version - 1,
    );
    expect(statusOf(firstOutcome)).toBe(503);
    expect(statusOf(whileClaimed)).toBe(409);
    expect(statusOf(retried)).toBe(200);
    expect(retried.kind === 'answer' && jsonOf(retried)).toMatchObject({ id: actionId, version: 2 });
    expect(version).toBe(2);
  });

  it("(c) given a request slower than the claim's life, when a retry takes the claim over, then both answer the one event", async () => {
    const actionId = await newAction(3);
    const slow = progress(holding, actionId, 'retry-c');
    await until("the slow request's commit", async () => (await versionOf(`action-${actionId}`)) === 2);
    await ageClaim('retry-c');
    const takeover = await progress(holding, actionId, 'retry-c');
    const slowOutcome = await slow;
    const version = await versionOf(`action-${actionId}`);
    report(
      '(c) claim taken over',
      `takeover ${statusOf(takeover)}, slow request ${statusOf(slowOutcome)}, stream at version ${version}`,
      version - 1,
    );
    expect([statusOf(takeover), statusOf(slowOutcome)]).toEqual([200, 200]);
    for (const outcome of [takeover, slowOutcome])
      expect(outcome.kind === 'answer' && jsonOf(outcome)).toMatchObject({ id: actionId, version: 2 });
    expect(version).toBe(2);
  });

  it('given the api was SIGKILLed after a create committed, when retried on the restarted api after the claim expired, then one record', async () => {
    const name = `Killed committee ${randomUUID()}`;
    const first = createCommittee(holding, name, 'retry-kill');
    await until("the create's commit", async () => (await committeesNamed(name)).length === 1);
    await holding.kill();
    dropIdleConnections();
    const firstOutcome = await first;
    await holding.start();
    await ageClaim('retry-kill');
    const retried = await createCommittee(holding, name, 'retry-kill');
    const made = await committeesNamed(name);
    report(
      'killed after commit, create',
      `first ${statusOf(firstOutcome)}, retry ${statusOf(retried)}, ${made.length} committee(s)`,
      made.length,
    );
    expect(firstOutcome.kind).toBe('no-answer');
    expect(statusOf(retried)).toBe(201);
    expect(made).toEqual([`committee-${String(retried.kind === 'answer' && jsonOf(retried)?.id)}`]);
  });
});
