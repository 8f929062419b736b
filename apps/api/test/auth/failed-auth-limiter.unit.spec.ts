import { FailedAuthenticationLimiter } from '../../src/platform/auth/failed-auth-limiter.js';
import { clientKeyOf } from '../../src/platform/auth/client-key.js';

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

describe('clientKeyOf (what failures are counted under)', () => {
  it('counts IPv6 clients by their /64, which one client can rotate through at will', () => {
    expect(clientKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4-mapped address as its IPv4 address, and keeps IPv4 and anything else as it is', () => {
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('unknown')).toBe('unknown');
  });
});
