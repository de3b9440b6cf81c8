/** The lazy walk behind bulk ingest: order, skipping rules, problems, no file twice, links, FIFOs. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkInputFiles } from '../../../src/ingest/sources/read-source.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'walk-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(relative: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  return file;
}

async function walk(inputs: string[], order: 'sorted' | 'any' = 'sorted'): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of walkInputFiles(inputs, order))
    out.push(
      entry.kind === 'file'
        ? path.relative(dir, entry.file)
        : `${entry.kind.toUpperCase()} ${path.basename(entry.file)}: ${entry.reason}`,
    );
  return out;
}

describe('walkInputFiles', () => {
  for (const name of [
    'b/2.txt',
    'b/10.txt',
    'a.txt',
    'c/z/deep.pdf',
    'c/y.txt',
    'b/2.txt.meta.json',
    '.hidden.txt',
    'c/.git/config',
  ])
    touch(name);

  it('walks folders depth first, each folder sorted, without hidden files or metadata', async () => {
    expect(await walk([dir])).toEqual(['a.txt', 'b/10.txt', 'b/2.txt', 'c/y.txt', 'c/z/deep.pdf']);
  });

  it('gives an unreadable input as a problem and goes on', async () => {
    expect(await walk([path.join(dir, 'missing'), path.join(dir, 'a.txt')])).toEqual([
      'PROBLEM missing: cannot read: ENOENT',
      'a.txt',
    ]);
  });

  it('never gives a file twice when inputs overlap', async () => {
    expect(
      await walk([path.join(dir, 'c', 'y.txt'), path.join(dir, 'c'), dir, path.join(dir, 'a.txt')]),
    ).toEqual(['c/y.txt', 'c/z/deep.pdf', 'a.txt', 'b/10.txt', 'b/2.txt']);
  });
});

describe('walkInputFiles with links and special files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'walk-links-'));
  const inside = path.join(root, 'in');
  const outside = path.join(root, 'out');
  const relative = (file: string) => path.relative(root, file);
  let socket: Server;
  afterAll(() => {
    socket?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function walkRoot(inputs: string[], order: 'sorted' | 'any' = 'sorted') {
    const out: string[] = [];
    for await (const entry of walkInputFiles(inputs, order))
      out.push(
        entry.kind === 'file'
          ? relative(entry.file)
          : `${entry.kind} ${relative(entry.file)}: ${entry.reason}`,
      );
    return out;
  }

  it("follows a link to a file or folder outside the inputs, under the link's name", async () => {
    for (const file of ['in/a.txt', 'out/shared/s.txt', 'out/solo.txt']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'x');
    }
    symlinkSync(path.join(outside, 'shared'), path.join(inside, 'linked-folder'));
    symlinkSync(path.join(outside, 'solo.txt'), path.join(inside, 'linked-file.txt'));
    expect(await walkRoot([inside])).toEqual([
      'in/a.txt',
      'in/linked-file.txt',
      'in/linked-folder/s.txt',
    ]);
  });

  it('ends a link cycle and reads each target once, in either order', async () => {
    // A cycle outside the inputs (out/shared/up → out/shared), one inside (in/loop → in), and a
    // second link to a folder already reached.
    symlinkSync(path.join(outside, 'shared'), path.join(outside, 'shared', 'up'));
    symlinkSync(inside, path.join(inside, 'loop'));
    symlinkSync(path.join(outside, 'shared'), path.join(inside, 'z-again'));
    const expected = [
      'in/a.txt',
      'in/linked-file.txt',
      'in/linked-folder/s.txt',
      'skip in/linked-folder/up: a symbolic link to a folder already reached through another link (or a link cycle)',
      'skip in/loop: a symbolic link to a folder inside the inputs: read there, not twice',
      'skip in/z-again: a symbolic link to a folder already reached through another link (or a link cycle)',
    ];
    expect(await walkRoot([inside])).toEqual(expected);
    // In directory order either of the two links to out/shared may come first; the count is the same.
    const unsorted = await walkRoot([inside], 'any');
    const kinds = (lines: string[]) =>
      lines.map((line) => line.split(' ')[0]!.replace(/^in\/.*/, 'file')).sort();
    expect(kinds(unsorted)).toEqual(kinds(expected));
    expect(unsorted.filter((line) => line.endsWith('/s.txt'))).toHaveLength(1);
  });

  it('reads a link to a file inside the inputs there only, and names a broken link', async () => {
    symlinkSync(path.join(inside, 'a.txt'), path.join(inside, 'b-alias.txt'));
    symlinkSync(path.join(root, 'nowhere.txt'), path.join(inside, 'c-broken.txt'));
    const walked = await walkRoot([inside]);
    expect(walked).toContain(
      'skip in/b-alias.txt: a symbolic link to a file inside the inputs: read there, not twice',
    );
    expect(walked).toContain(
      'problem in/c-broken.txt: cannot read: a broken symbolic link (its target does not exist)',
    );
    expect(walked.filter((line) => line === 'in/a.txt')).toHaveLength(1);
  });

  it('does not walk back into an input through a link to the folder above it', async () => {
    const top = path.join(root, 'top');
    mkdirSync(path.join(top, 'inner'), { recursive: true });
    writeFileSync(path.join(top, 'above.txt'), 'x');
    writeFileSync(path.join(top, 'inner', 'own.txt'), 'x');
    symlinkSync(top, path.join(top, 'inner', 'up'));
    expect(await walkRoot([path.join(top, 'inner')])).toEqual([
      'top/inner/own.txt',
      'top/inner/up/above.txt',
      'skip top/inner/up/inner: a folder inside the inputs reached through a symbolic link: read there, not twice',
    ]);
  });

  it('reads a folder given twice by two paths once', async () => {
    const alias = path.join(root, 'in-alias');
    symlinkSync(inside, alias);
    const once = await walkRoot([inside]);
    expect(await walkRoot([inside, alias])).toEqual(once);
  });

  it('skips a FIFO, a socket and a device with a reason, in a folder or given, without reading them', async () => {
    const special = path.join(root, 'special');
    mkdirSync(special);
    execFileSync('mkfifo', [path.join(special, 'pipe.txt')]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(special, 'sock.txt'), resolve));
    symlinkSync(path.join(special, 'pipe.txt'), path.join(special, 'pipe-link.txt'));
    writeFileSync(path.join(special, 'real.txt'), 'x');
    expect(await walkRoot([special])).toEqual([
      'skip special/pipe-link.txt: a FIFO (named pipe), not a regular file: not read',
      'skip special/pipe.txt: a FIFO (named pipe), not a regular file: not read',
      'special/real.txt',
      'skip special/sock.txt: a socket, not a regular file: not read',
    ]);
    const given = await walkRoot([path.join(special, 'pipe.txt'), '/dev/null']);
    expect(given).toEqual([
      'skip special/pipe.txt: a FIFO (named pipe), not a regular file: not read',
      `skip ${relative('/dev/null')}: a character device, not a regular file: not read`,
    ]);
  });
});
