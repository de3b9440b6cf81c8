/** RequestActivity counts responses until they close and wakes waiters when none is left. */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RequestActivity } from './request-activity.ts';

function response(): ServerResponse & EventEmitter {
  return new EventEmitter() as ServerResponse & EventEmitter;
}

describe('RequestActivity', () => {
  it('is idle at once with no request, and wakes a waiter only when the last request closes', async () => {
    const activity = new RequestActivity();
    await activity.whenIdle();
    const first = response();
    const second = response();
    activity.track(first);
    activity.track(second);
    let woken = false;
    const waiting = activity.whenIdle().then(() => (woken = true));
    first.emit('close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).toBe(false);
    expect(activity.active).toBe(1);
    second.emit('close');
    await waiting;
    expect(woken).toBe(true);
    expect(activity.active).toBe(0);
  });
});
