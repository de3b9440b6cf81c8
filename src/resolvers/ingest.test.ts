import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';
import { buildReportDocument } from '../ingest/pipeline.ts';
import { describeEmptyUpload, readUploadBytes } from './ingest.ts';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'seed/000_573f2340e3d978e1.txt'), 'utf8');
const CUES =
  "Full inspection\n\nInspected under the social care common inspection framework\n\nInformation about this children's home\n\n";

function parse(text: string) {
  const parsed = buildReportDocument({ text, fileName: 'upload.txt', format: 'txt' });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.document;
}

describe('readUploadBytes', () => {
  it('returns the bytes of text or base64 within the limit', () => {
    expect(Buffer.from(readUploadBytes({ content: 'é' }, 2)).toString('utf8')).toBe('é');
    expect(Buffer.from(readUploadBytes({ contentBase64: 'aGVsbG8=' }, 5)).toString()).toBe('hello');
  });

  it('refuses more bytes than the limit with BAD_USER_INPUT, naming the sizes only', () => {
    for (const input of [
      { content: 'x'.repeat(11) },
      { content: 'é'.repeat(6) },
      { contentBase64: 'aGVsbG8gd29ybGQ=' },
    ]) {
      let error: unknown;
      try {
        readUploadBytes(input, 10);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect((error as Error).message).toMatch(/^The report is \d+ bytes; at most 10 are accepted/);
    }
  });
});

describe('describeEmptyUpload', () => {
  it('refuses text that reads as a report family but holds no date and nothing else', () => {
    const junk = parse(`${CUES}${'lorem ipsum dolor sit amet. '.repeat(200)}`);
    expect(junk.family).toBe('ofsted-childrens-home');
    expect(junk.inspection.startDate).toBeNull();
    expect(describeEmptyUpload(junk)).toMatch(
      /^read as ofsted-childrens-home, but no inspection date/,
    );
  });

  it('accepts a real report', () => {
    expect(describeEmptyUpload(parse(SEED))).toBeNull();
  });
});
