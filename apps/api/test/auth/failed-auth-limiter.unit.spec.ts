import { FailedAuthenticationLimiter } from '../../src/platform/auth/failed-auth-limiter.js';

describe('FailedAuthenticationLimiter (sliding minute per client)', () => {
  let now: number;
  const limiter = () => new FailedAuthenticationLimiter(3, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a client fail up to the limit, then asks it to wait until the oldest failure leaves the window', () => {
    const limits = limiter();
    limits.recordFailure('10.0.0.1');
    now += 10_000;
    limits.recordFailure('10.0.0.1');
    expect(limits.retryAfterSeconds('10.0.0.1')).toBe(0);
    now += 10_000;
    limits.recordFailure('10.0.0.1');
    expect(limits.retryAfterSeconds('10.0.0.1')).toBe(40);
    now += 39_500;
    expect(limits.retryAfterSeconds('10.0.0.1')).toBe(1);
    now += 501;
    expect(limits.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('slides: failures older than a minute stop counting one by one', () => {
    const limits = limiter();
    for (const offset of [0, 20_000, 40_000]) {
      now = 1_000_000 + offset;
      limits.recordFailure('c');
    }
    now = 1_000_000 + 60_001;
    expect(limits.retryAfterSeconds('c')).toBe(0);
    limits.recordFailure('c');
    expect(limits.retryAfterSeconds('c')).toBe(20);
  });

  it('counts each client apart', () => {
    const limits = limiter();
    for (let i = 0; i < 3; i++) limits.recordFailure('a');
    expect(limits.retryAfterSeconds('a')).toBeGreaterThan(0);
    expect(limits.retryAfterSeconds('b')).toBe(0);
  });
});
