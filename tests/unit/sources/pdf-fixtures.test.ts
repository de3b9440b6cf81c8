/**
 * The PDF reader on real regulator PDFs (tests/fixtures/corpus/pdf, see its README): running
 * headers, footers and page numbers gone, sentences whole (including ones a page break cuts),
 * bullets as "- ", "What needs to improve" items one per line, and nearly every sentence that
 * pypdf finds inside a page found by us too.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../../src/ingest/sources/pdf/pdf-to-text.ts';
import { isPageNumberLine, normaliseQuotes } from '../../../src/ingest/text/normalise.ts';

const FIXTURES = new URL('../../fixtures/corpus/pdf/', import.meta.url);

interface PdfFixture {
  file: string;
  /** Running header or footer text; no line may contain it. */
  furniture: RegExp;
  /** Distinctive sentences (as pypdf reads them), each of which must sit whole on one line. */
  sentences: string[];
  /** A sentence pypdf splits over a page break. */
  acrossPageBreak: string;
  minBullets: number;
  improvements?: { heading: string; items: string[] };
}

const PDF_FIXTURES: PdfFixture[] = [
  {
    file: 'cqc_arreta-care-limited_2023-11-14.pdf',
    furniture: /Arreta Care Limited Inspection report 14 November 2023/,
    sentences: [
      'People were supported to have maximum choice and control of their lives and staff supported them in the least restrictive way possible and in their best interests; the policies and systems in the service supported this practice.',
      'This service was registered with us on 5 March 2020 and this is the first inspection.',
      'We found no evidence during this inspection that people were at risk of harm from this concern.',
      'The provider used a dependency tool to assess and monitor staff ratios and employed a stable workforce.',
      'We carried out this inspection under Section 60 of the Health and Social Care Act 2008 (the Act) as part of our regulatory functions.',
      '- People told us they felt safe with the support they received from Arreta Care.',
    ],
    acrossPageBreak:
      'This was because we needed to be sure that the provider or registered manager would be in the office to support the inspection and people are often out and we wanted to be sure there would be people at home to speak with us.',
    minBullets: 30,
  },
  {
    file: 'ofsted-focused-visit_80441_bristol_2025-03-20.pdf',
    furniture: /^\s*\d+\s*$/,
    sentences: [
      'This letter summarises the findings of the focused visit to Bristol children’s services on 18 and 19 February 2025.',
      'Performance management and quality assurance processes are comprehensive and mature.',
      'Children who are at immediate risk of harm receive the help and support they need quickly.',
      'Multi-agency child protection strategy meetings are held in a timely way.',
      'Ofsted will take the findings from this focused visit into account when planning the next inspection or visit.',
    ],
    acrossPageBreak:
      'While positive progress has been made for children who need immediate protection and those aged 16 and 17 who present as homeless, leaders recognise the need to continue to improve the consistency of timeliness and quality of decision-making for all children at the front door.',
    minBullets: 2,
    improvements: {
      heading: 'What needs to improve in this area of social work practice?',
      items: [
        'The timeliness and consistency with which initial decisions are made at the front door to ensure all children receive timely and proportionate support.',
        'The reliability and effectiveness of performance management and quality assurance arrangements of initial decision-making at the front door.',
      ],
    },
  },
  {
    file: 'ofsted-ilacs_80426_barnsley_2018-11-19.pdf',
    furniture: /^\s*\d+\s*$/,
    sentences: [
      'Services for children in Barnsley are good and there has been steady improvement at successive inspections since 2012.',
      'The integrated ‘front door’ is effective in managing risk and protecting children.',
      'Workforce stability is excellent, which means that children benefit from being able to develop consistent relationships with social workers.',
      'The impact of leaders on social work practice with children and families\tGood',
      'Overall effectiveness\tGood',
    ],
    acrossPageBreak:
      'This means that the local authority cannot be assured in all cases that the broader risks associated with children going missing are known and being addressed in order to reduce that risk.',
    minBullets: 4,
    improvements: {
      heading: 'What needs to improve',
      items: [
        'Risk assessment and the understanding of the wider risks to which young people are exposed in the community, including the timeliness and quality of return home interviews when children are reported missing from home and care.',
        'Regular review of the use of private fostering arrangements to ensure that they remain appropriate to meet children’s needs.',
        'The numbers of care leavers aged 19–21 in education, employment and training.',
        'The rigour of audit and dip sampling activity and how data informs an understanding of the quality of practice and timeliness performance for initial child protection case conferences.',
      ],
    },
  },
  {
    file: 'ofsted-ilacs_2532283_dorset_2025-05-09.pdf',
    furniture: /17 to 21 March 2025/,
    sentences: [
      'Children in Dorset receive exceptional services that help meet their needs and reduce risks, supporting them to have better experiences and reach their potential.',
      'Children living in private fostering arrangements are well supported.',
      'The local authority designated officer service in Dorset is effective and well managed.',
      'The experiences and progress of care leavers\tGood',
    ],
    acrossPageBreak:
      'The introduction of the Birth to Settled Adulthood service, a developing service to be embedded, helps children and young people to access help smoothly, well into their futures, which is not age dependent.',
    minBullets: 1,
    improvements: {
      heading: 'What needs to improve?',
      items: [
        'The clarity and detail of the care leaver offer, including for care leavers who are parents. (Outcome four, National Framework)',
      ],
    },
  },
  {
    file: 'ofsted-area-send_80428_bedford_2025-02-04.pdf',
    furniture: /Area SEND inspection report: Bedford Borough Local Area Partnership/,
    sentences: [
      'The next full area SEND inspection will be within approximately five years.',
      'The director for children’s services (DCS) has been appointed since the previous inspection.',
      'Children in Bedford Borough have their voices heard effectively.',
      'Some children and young people with SEND wait too long for neurodevelopmental assessment in Bedford Borough.',
    ],
    acrossPageBreak:
      'Special school nurses and the universal services offer, including the 0 to 19 team, work tirelessly so that children and young people with SEND enjoy healthier lives.',
    minBullets: 5,
  },
  {
    file: 'ofsted-ilacs_80418_norfolk_2013-08-16.pdf',
    furniture: /Norfolk County Council Inspection of looked after children services/,
    sentences: [
      'The purpose of the inspection is to evaluate the contribution made by relevant services to the quality of service provision for looked after children and care leavers.',
      'The local authority does not have a track record of improving services and outcomes for looked after children.',
      'Good (Grade 2)\tA service that exceeds minimum requirements',
      '- ensure all young people and care leavers have pathway plans which are of good quality and meet the requirements of national guidance',
    ],
    acrossPageBreak: 'The early help offer is as yet unclear.',
    minBullets: 15,
  },
];

/** Quotes straightened and runs of spaces collapsed (tabs kept: they separate table cells). */
function comparable(text: string): string {
  return normaliseQuotes(text).replace(/ {2,}/g, ' ').trim();
}

/** Text as one run of words, bullets and cell breaks dropped, for sentence-level comparison. */
function flatten(text: string): string {
  return normaliseQuotes(text)
    .replace(/^- /gm, '')
    .replace(/\s+/g, ' ')
    .replace(/[\u2022\u25CF\u25FC\u25AA\uE000-\uF8FF]/g, ' ')
    .replace(/(\p{L})- (\p{Ll})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function readFixture(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURES));
}

describe.each(PDF_FIXTURES)('PDF fixture $file', (fixture) => {
  let lines: string[] = [];
  let text = '';

  beforeAll(async () => {
    const result = await readPdfText(readFixture(fixture.file));
    if (!result.ok) throw new Error(`${fixture.file}: ${result.reason}`);
    text = result.text;
    lines = text.split('\n').map(comparable);
  });

  it('drops the running header or footer and every lone page number', () => {
    expect(lines.filter((line) => fixture.furniture.test(line))).toEqual([]);
    expect(lines.filter((line) => isPageNumberLine(line))).toEqual([]);
  });

  it('keeps no line repeated on most pages', () => {
    const counts = new Map<string, number>();
    for (const line of lines.filter(Boolean)) {
      const key = line.toLowerCase().replace(/\d+/g, '#');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts].filter(([, count]) => count >= 6)).toEqual([]);
  });

  it('has each key sentence whole on one line', () => {
    for (const sentence of fixture.sentences) {
      expect(
        lines.some((line) => line.includes(comparable(sentence))),
        sentence,
      ).toBe(true);
    }
  });

  it('rejoins a sentence cut by a page break', () => {
    expect(lines.some((line) => line.includes(comparable(fixture.acrossPageBreak)))).toBe(true);
  });

  it('writes bullets as "- " and leaves no bullet glyph at a line start', () => {
    expect(lines.filter((line) => line.startsWith('- ')).length).toBeGreaterThanOrEqual(
      fixture.minBullets,
    );
    expect(
      lines.filter((line) => /^[\u2022\u25AA\u25CF\u25E6\u25FC\u25A0\uE000-\uF8FF]/u.test(line)),
    ).toEqual([]);
  });

  it('has no ligatures, non-breaking spaces or form feeds', () => {
    expect(text).not.toMatch(/[\uFB00-\uFB06\u00A0\f]/);
  });

  it('finds nearly every sentence pypdf reads inside a page', () => {
    const ours = flatten(text);
    const pypdf = readFileSync(
      new URL(`pypdf-text/${fixture.file.replace(/\.pdf$/, '.pypdf.txt')}`, FIXTURES),
      'utf8',
    );
    let total = 0;
    const missing: string[] = [];
    for (const page of pypdf.split('\n\f\n')) {
      // The first and last sentence of a page may be cut by the page break (or be furniture).
      const sentences = flatten(page)
        .split(/(?<=[.!?])\s+(?=[A-Z])/)
        .filter((sentence) => sentence.length >= 40)
        .slice(1, -1);
      total += sentences.length;
      missing.push(...sentences.filter((sentence) => !ours.includes(sentence)));
    }
    expect(total).toBeGreaterThan(20);
    expect(missing.length / total, missing.join('\n')).toBeLessThanOrEqual(0.03);
  });
});

describe.each(PDF_FIXTURES.filter((fixture) => fixture.improvements))(
  'PDF fixture $file, areas to improve',
  (fixture) => {
    it('puts each "What needs to improve" item on a line of its own', async () => {
      const result = await readPdfText(readFixture(fixture.file));
      if (!result.ok) throw new Error(result.reason);
      const lines = result.text.split('\n').map(comparable).filter(Boolean);
      const { heading, items } = fixture.improvements!;
      const start = lines.indexOf(heading);
      expect(start).toBeGreaterThanOrEqual(0);
      const following = lines.slice(start + 1);
      const bullets = following.slice(
        0,
        following.findIndex((line) => !line.startsWith('- ')),
      );
      expect(bullets).toEqual(items.map((item) => `- ${comparable(item)}`));
    });
  },
);
