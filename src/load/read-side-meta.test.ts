import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSideMeta } from './ingest-files.ts';

describe('readSideMeta', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'side-meta-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const report = (name: string) => path.join(dir, name);

  it('gives no metadata when the report has no side file', async () => {
    expect(await readSideMeta(report('plain.txt'))).toEqual({ meta: null });
  });

  it('reads the side file beside the report', async () => {
    writeFileSync(
      `${report('with-meta.txt')}.meta.json`,
      JSON.stringify({ location: { urn: 'SC123456', name: 'Example House' } }),
    );
    expect(await readSideMeta(report('with-meta.txt'))).toEqual({
      meta: { location: { urn: 'SC123456', name: 'Example House' } },
    });
  });

  it('gives a one-line reason for a side file that is not JSON or cannot be read', async () => {
    writeFileSync(`${report('broken.txt')}.meta.json`, '{ "location": ');
    expect(await readSideMeta(report('broken.txt'))).toEqual({
      error: expect.stringMatching(/^broken\.txt\.meta\.json is not valid JSON: /),
    });
    mkdirSync(`${report('folder.txt')}.meta.json`);
    expect(await readSideMeta(report('folder.txt'))).toEqual({
      error: 'folder.txt.meta.json cannot be read: EISDIR',
    });
  });
});
