import { KeyedSerializer } from '../../../src/features/shared/keyed-serializer.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KeyedSerializer', () => {
  it('runs work on one key one at a time, in arrival order, and a failure does not stop the queue', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const job = (name: string, fail = false) =>
      serializer.run('action-1', async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await tick();
    expect(serializer.busyKeys).toBe(0);
  });

  it('lets work on different keys overlap', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const job = (key: string) =>
      serializer.run(key, async () => {
        log.push(`${key} start`);
        await tick();
        log.push(`${key} end`);
      });
    await Promise.all([job('x'), job('y')]);
    expect(log.slice(0, 2)).toEqual(['x start', 'y start']);
  });
});
