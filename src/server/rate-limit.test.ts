import { describe, expect, it } from 'vitest';
import { ClientRateLimiter, isLoopback } from './rate-limit.ts';

function limiter(perMinute: number, limitLoopback = false) {
  let now = 0;
  const rateLimiter = new ClientRateLimiter({ perMinute, limitLoopback, now: () => now });
  return {
    take: (address: string) => rateLimiter.take(address),
    wait: (ms: number) => (now += ms),
  };
}

describe('ClientRateLimiter', () => {
  it('lets a client send perMinute requests at once, then one each 60/perMinute s', () => {
    const { take, wait } = limiter(3);
    expect([take('10.0.0.1'), take('10.0.0.1'), take('10.0.0.1')]).toEqual([null, null, null]);
    expect(take('10.0.0.1')).toBe(20);
    // Another client has its own allowance.
    expect(take('10.0.0.2')).toBeNull();
    wait(19_000);
    expect(take('10.0.0.1')).toBe(1);
    wait(1_000);
    expect(take('10.0.0.1')).toBeNull();
    expect(take('10.0.0.1')).toBe(20);
  });

  it('leaves clients on this machine alone unless told to limit them too', () => {
    const open = limiter(1);
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect([open.take(address), open.take(address)]).toEqual([null, null]);
    const strict = limiter(1, true);
    expect([strict.take('127.0.0.1'), strict.take('127.0.0.1')]).toEqual([null, 60]);
  });

  it('is off at 0 requests per minute', () => {
    const { take } = limiter(0, true);
    for (let i = 0; i < 100; i += 1) expect(take('10.0.0.1')).toBeNull();
  });

  it('recognises loopback addresses', () => {
    expect(['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', '128.0.0.1'].some(isLoopback)).toBe(
      false,
    );
  });
});
