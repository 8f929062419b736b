import { loadProjectorConfig } from '../../src/projector-config.js';
import { formatDuration, renderProgress } from '../../src/progress-bar.js';
import { parseRebuildArgs, UsageError } from '../../src/rebuild-args.js';

describe('projections:rebuild arguments', () => {
  it('takes named projections in the order the projector runs them', () => {
    const command = parseRebuildArgs(['audit-log', 'records']);
    expect(command?.projections.map((p) => p.name)).toEqual(['records', 'audit-log']);
    expect(command?.verify).toBe(false);
  });

  it('takes --all and --verify', () => {
    const command = parseRebuildArgs(['--verify', '--all']);
    expect(command?.projections.map((p) => p.name)).toEqual(['records', 'metric-series', 'audit-log']);
    expect(command?.verify).toBe(true);
  });

  it('answers undefined for --help', () => {
    expect(parseRebuildArgs(['--help'])).toBeUndefined();
  });

  it.each([
    [[], /at least one projection/],
    [['--verify'], /at least one projection/],
    [['records', '--all'], /not both/],
    [['nonsense'], /Unknown projection nonsense/],
    [['records', '--force'], /Unknown option --force/],
  ])('refuses %j', (args, message) => {
    expect(() => parseRebuildArgs(args)).toThrow(UsageError);
    expect(() => parseRebuildArgs(args)).toThrow(message);
  });
});

describe('rebuild progress bar', () => {
  it('shows events done of total, the rate and the time left', () => {
    const line = renderProgress({ projection: 'records', phase: 'building', done: 1_500, total: 6_000, unit: 'events' }, 3_000);
    expect(line).toContain('[██████░░░░░░░░░░░░░░░░░░]');
    expect(line).toContain(' 25%');
    expect(line).toContain('1,500 / 6,000 events');
    expect(line).toContain('500 events/s');
    expect(line).toContain('9s left');
  });

  it('counts the rate of positions from where it started, as positions do not start at zero', () => {
    const line = renderProgress(
      { projection: 'audit-log', phase: 'building', done: 1_004_096, total: 1_008_192, unit: 'positions' },
      2_000,
      1_000_000,
    );
    expect(line).toContain('2,048 positions/s');
    expect(line).toContain('2s left');
  });

  it('is full and has nothing left when the total is reached, and copes with an empty log', () => {
    expect(renderProgress({ projection: 'records', phase: 'swapping', done: 10, total: 10, unit: 'events' }, 1_000)).toContain('100%');
    expect(renderProgress({ projection: 'records', phase: 'building', done: 0, total: 0, unit: 'events' }, 0)).toContain('? left');
  });

  it('formats durations', () => {
    expect([formatDuration(400), formatDuration(59_000), formatDuration(61_000), formatDuration(3_720_000)]).toEqual([
      '0s',
      '59s',
      '1m01s',
      '1h02m',
    ]);
  });
});

describe('projector configuration', () => {
  it('defaults to batches of 1000 without delay, and no metrics port', () => {
    expect(loadProjectorConfig({})).toMatchObject({ batchSize: 1_000, batchDelayMs: 0, metricsPort: undefined });
  });

  it('reads METRICS_PORT', () => {
    expect(loadProjectorConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
  });

  it('reads the test-only batch delay and the batch size', () => {
    expect(loadProjectorConfig({ PROJECTION_BATCH_SIZE: '25', PROJECTION_BATCH_DELAY_MS: '150' })).toMatchObject({
      batchSize: 25,
      batchDelayMs: 150,
    });
  });

  it.each([
    ['PROJECTION_BATCH_SIZE', '0'],
    ['PROJECTION_BATCH_SIZE', 'ten'],
    ['PROJECTION_BATCH_DELAY_MS', '-1'],
    ['PROJECTION_BATCH_DELAY_MS', '1.5'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '65536'],
    ['METRICS_PORT', 'http'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadProjectorConfig({ [name]: value })).toThrow(name);
  });
});
