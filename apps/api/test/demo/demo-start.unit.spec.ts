import { demoCommittee, demoId } from '../../src/demo/demo-data.js';
import { uuidV5 } from '../../src/demo/name-based-id.js';
import { parseStartOptions, StartOptionsError } from '../../src/demo/start-options.js';

describe('uuidV5', () => {
  it('matches the published RFC 4122 / Python uuid.uuid5 value for www.example.com in the DNS namespace', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives the same id for the same name and different ids for different names', () => {
    expect(demoId('committee')).toBe(demoCommittee.id);
    expect(demoId('committee')).not.toBe(demoId('committee '));
    expect(demoCommittee.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/namespace must be a UUID/);
  });
});

describe('parseStartOptions', () => {
  it('loads the demo into an empty embedded store by default, and never into a server store unless asked', () => {
    expect(parseStartOptions([], 'embedded')).toEqual({ demo: 'load-if-empty', exitAfterDemo: false });
    expect(parseStartOptions([], 'postgres')).toEqual({ demo: 'skip', exitAfterDemo: false });
    expect(parseStartOptions(['--demo'], 'postgres')).toEqual({ demo: 'load', exitAfterDemo: false });
  });

  it('--no-demo skips it; --exit-after-demo loads it and stops (npm run demo)', () => {
    expect(parseStartOptions(['--no-demo'], 'embedded')).toEqual({ demo: 'skip', exitAfterDemo: false });
    expect(parseStartOptions(['--demo', '--exit-after-demo'], 'embedded')).toEqual({ demo: 'load', exitAfterDemo: true });
    expect(parseStartOptions(['--exit-after-demo'], 'embedded')).toEqual({ demo: 'load', exitAfterDemo: true });
  });

  it('refuses contradictions and unknown arguments', () => {
    expect(() => parseStartOptions(['--demo', '--no-demo'], 'embedded')).toThrow(StartOptionsError);
    expect(() => parseStartOptions(['--no-demo', '--exit-after-demo'], 'embedded')).toThrow(StartOptionsError);
    expect(() => parseStartOptions(['--dmeo'], 'embedded')).toThrow(/unknown argument --dmeo/);
  });
});
