/**
 * The HTML reader: a CQC inspection summary page made from the real seed text (seed/002 wrapped
 * in the markup of a regulator's web page) reads back as the seed text, and the page furniture
 * around it (scripts, styles, navigation, cookie banner, header, footer) is left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/ingest/sources/html/html-to-text.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';

const SEED = readFileSync(
  new URL('../../../seed/002_7b99ce8a6ac40e7e.txt', import.meta.url),
  'utf8',
);
const PAGE = readFileSync(
  new URL('../../fixtures/corpus/html/cqc-location-summary_seed-002.html', import.meta.url),
  'utf8',
);

/** Non-blank lines with their spaces collapsed. */
function contentLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe('htmlToText on the CQC summary page', () => {
  const text = htmlToText(PAGE);

  it('reads back the seed text line for line', () => {
    expect(contentLines(text)).toEqual(contentLines(SEED));
  });

  it('decodes entities and leaves out scripts, styles, navigation and hidden parts', () => {
    expect(text).toContain('11 & 12 September 2023');
    expect(text).toContain('families’ needs');
    expect(text).not.toMatch(
      /dataLayer|visually-hidden|cookies|Find and compare|Skip to main|Accessibility|schema\.org|&\w+;/,
    );
  });

  it('gives the parser the same report as the seed text', () => {
    const fromPage = buildReportDocument({ text, fileName: 'summary.html', format: 'html' });
    const fromSeed = buildReportDocument({ text: SEED, fileName: 'summary.txt', format: 'txt' });
    expect(fromPage.ok && fromSeed.ok).toBe(true);
    if (!fromPage.ok || !fromSeed.ok) return;
    expect(fromPage.document.family).toBe(fromSeed.document.family);
    expect(fromPage.document.findings.map((f) => [f.text, f.polarity])).toEqual(
      fromSeed.document.findings.map((f) => [f.text, f.polarity]),
    );
    expect(fromPage.document.enforcement).toEqual(
      fromSeed.document.enforcement.map((e) => ({ ...e, position: expect.anything() })),
    );
  });
});

describe('htmlToText layout', () => {
  it('puts headings and paragraphs on lines of their own, list items as "- " and <br> as a new line', () => {
    const html =
      '<h2>Main findings</h2><p>First <em>paragraph</em>\n   wraps.<br>Same paragraph, new line.</p><ol><li>One</li><li>Two<ul><li>Nested</li></ul></li></ol>';
    expect(htmlToText(html)).toBe(
      'Main findings\n\nFirst paragraph wraps.\nSame paragraph, new line.\n\n- One\n\n- Two\n\n- Nested\n',
    );
  });

  it('writes table rows as tab-separated cells on consecutive lines', () => {
    const html =
      '<p>Recent inspection history</p><table><thead><tr><th>Inspection date</th><th>Inspection type</th></tr></thead>' +
      '<tbody><tr><td>20/02/2019</td><td><p>Interim</p></td></tr><tr><td>26/09/2018</td><td>Full</td></tr></tbody></table>';
    expect(htmlToText(html)).toBe(
      'Recent inspection history\n\nInspection date\tInspection type\n20/02/2019\tInterim\n26/09/2018\tFull\n',
    );
  });

  it('without <main>, leaves out the site header and footer but keeps an article’s own header', () => {
    const html =
      '<body><header><p>Site name</p></header><article><header><h1>Inspection report</h1></header><p>Body&nbsp;text.</p></article>' +
      '<aside>Related links</aside><footer>Site footer</footer></body>';
    expect(htmlToText(html)).toBe('Inspection report\n\nBody text.\n');
  });

  it('gives empty text for a page with nothing to read', () => {
    expect(
      htmlToText('<html><head><title>x</title></head><body><script>1</script></body></html>'),
    ).toBe('');
  });
});
