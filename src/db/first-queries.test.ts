import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FirstQueryRecorder,
  readFirstQueries,
  replayFirstQueries,
  REPLAY_MAX_MS,
  ReplaysInFlight,
  type RecordedQuery,
} from './first-queries.ts';
import { defineQuery } from './query.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'first-queries-test-'));
  dirs.push(dir);
  return path.join(dir, 'first-queries.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const query = (name: string) =>
  defineQuery({ name, cypher: `RETURN '${name}' AS n`, parse: () => null });

describe('the first queries a server ran', () => {
  it('keeps the first distinct texts in order, with their first parameters and fastest run', () => {
    const file = tempFile();
    const recorder = new FirstQueryRecorder(file, 2);
    recorder.record(query('a'), { first: 6, f: { region: null } }, 900);
    recorder.record(query('b'), {}, 40);
    recorder.record(query('a'), { first: 7 }, 30);
    recorder.record(query('c'), {}, 10);
    expect(recorder.list()).toEqual([
      { name: 'a', cypher: "RETURN 'a' AS n", params: { first: 6, f: { region: null } }, ms: 30 },
      { name: 'b', cypher: "RETURN 'b' AS n", params: {}, ms: 40 },
    ]);
    recorder.write();
    expect(readFirstQueries(file)).toEqual(recorder.list());
    // Users' arguments: readable by the folder's owner only.
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('puts this run first and then the previous run’s queries it has not run', () => {
    const file = tempFile();
    const before = new FirstQueryRecorder(file);
    before.record(query('a'), {}, 5);
    before.record(query('b'), {}, 6);
    before.write();
    const after = new FirstQueryRecorder(file);
    after.record(query('b'), { x: 1 }, 7);
    expect(after.list().map((entry) => [entry.name, entry.params])).toEqual([
      ['b', { x: 1 }],
      ['a', {}],
    ]);
  });

  it('does not record parameters JSON would change (the replay must send the same types)', () => {
    const recorder = new FirstQueryRecorder(tempFile());
    recorder.record(query('date'), { at: new Date(0) }, 1);
    recorder.record(query('undefined'), { at: undefined }, 1);
    expect(recorder.list()).toEqual([]);
  });

  it('reads a missing, broken or foreign file as no queries', () => {
    const file = tempFile();
    expect(readFirstQueries(file)).toEqual([]);
    writeFileSync(file, '{ not json');
    expect(readFirstQueries(file)).toEqual([]);
    writeFileSync(file, JSON.stringify([{ name: 'a', cypher: 'RETURN 1' }, 3, { version: 2 }]));
    expect(readFirstQueries(file)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('version');
  });

  it('replays in order, skips the too slow, waits for idle before each and counts failures', async () => {
    const entries: RecordedQuery[] = [
      { name: 'a', cypher: 'A', params: { p: 1 }, ms: 10 },
      { name: 'slow', cypher: 'S', params: {}, ms: REPLAY_MAX_MS + 1 },
      { name: 'b', cypher: 'B', params: {}, ms: 20 },
    ];
    const events: string[] = [];
    const result = await replayFirstQueries(
      async (named, params) => {
        events.push(`run ${named.cypher} ${JSON.stringify(params)}`);
        if (named.cypher === 'B') throw new Error('gone');
      },
      entries,
      async (position) => {
        events.push(`idle ${position}?`);
      },
    );
    expect(events).toEqual(['idle 0?', 'run A {"p":1}', 'idle 1?', 'run B {}']);
    expect(result).toMatchObject({ ran: 2, failed: 1 });
  });

  it('tells which text a replay is running until it ends, failed or not', async () => {
    const replays = new ReplaysInFlight();
    let finish!: (value: number) => void;
    const running = replays.run('A', () => new Promise<number>((resolve) => (finish = resolve)));
    const waited = replays.finished('A');
    expect(waited).not.toBeNull();
    expect(replays.finished('B')).toBeNull();
    finish(7);
    expect(await running).toBe(7);
    await waited;
    expect(replays.finished('A')).toBeNull();
    const failing = replays.run('A', () => Promise.reject(new Error('gone')));
    const waitedForFailure = replays.finished('A');
    await expect(failing).rejects.toThrow('gone');
    await expect(waitedForFailure).resolves.toBeUndefined();
    expect(replays.finished('A')).toBeNull();
  });
});
