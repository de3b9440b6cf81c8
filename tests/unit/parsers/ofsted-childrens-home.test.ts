import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { parseOfstedChildrensHome } from '../../../src/ingest/parsers/ofsted-childrens-home.ts';
import { OFSTED_SEED, readSeed, sourceFor } from './seed-text.ts';

const text = readSeed(OFSTED_SEED);
const parse = (t: string): ReportDocument => parseOfstedChildrensHome(t, sourceFor(OFSTED_SEED));
const doc = parse(text);

const INSPECTION_ID = 'ofsted:1247390:2019-07-23:full';

describe("Ofsted children's home seed 000: identity and first page", () => {
  it('reads the location, provider and inspection', () => {
    expect(doc.family).toBe('ofsted-childrens-home');
    expect(doc.regulator).toBe('OFSTED');
    expect(doc.parser).toEqual({ name: 'ofsted-childrens-home', version: '2' });
    expect(doc.location).toMatchObject({
      id: 'ofsted:1247390',
      urn: '1247390',
      type: "Children's home",
      capacity: 8,
      name: null,
    });
    expect(doc.location.description).toContain(
      'The home can provide care for up to eight children and young adults.',
    );
    expect(doc.location.description).toContain(
      'The home is also registered with the Care Quality Commission.',
    );
    expect(doc.provider).toEqual({
      id: 'ofsted-provider:partnerships-in-care-1-limited',
      name: 'Partnerships In Care 1 Limited',
      address: 'Unit 2, Imperial Place, Maxwell Road, Borehamwood, WD6 1JN',
    });
    expect(doc.inspection).toEqual({
      id: INSPECTION_ID,
      type: 'full',
      startDate: '2019-07-23',
      endDate: '2019-07-24',
      framework: 'SCCIF',
      overallGrade: 'INADEQUATE',
      overallGradeText: 'inadequate',
      ratingDirection: null,
    });
  });

  it('reads the three judgements with their areas (the overall one without its "taking into account" tail)', () => {
    expect(doc.judgements).toEqual([
      {
        area: 'Overall experiences and progress of children and young people',
        grade: 'INADEQUATE',
        gradeText: 'inadequate',
      },
      {
        area: 'How well children and young people are helped and protected',
        grade: 'INADEQUATE',
        gradeText: 'inadequate',
      },
      {
        area: 'The effectiveness of leaders and managers',
        grade: 'INADEQUATE',
        gradeText: 'inadequate',
      },
    ]);
  });

  it('reads the four history rows as earlier inspections', () => {
    expect(doc.history).toEqual([
      {
        inspectionId: 'ofsted:1247390:2019-02-20:interim',
        date: '2019-02-20',
        type: 'interim',
        typeText: 'Interim',
        grade: 'SUSTAINED_EFFECTIVENESS',
        gradeText: 'Sustained effectiveness',
      },
      {
        inspectionId: 'ofsted:1247390:2018-09-26:full',
        date: '2018-09-26',
        type: 'full',
        typeText: 'Full',
        grade: 'REQUIRES_IMPROVEMENT',
        gradeText: 'Requires improvement to be good',
      },
      {
        inspectionId: 'ofsted:1247390:2018-01-05:interim',
        date: '2018-01-05',
        type: 'interim',
        typeText: 'Interim',
        grade: 'SUSTAINED_EFFECTIVENESS',
        gradeText: 'Sustained effectiveness',
      },
      {
        inspectionId: 'ofsted:1247390:2017-07-12:full',
        date: '2017-07-12',
        type: 'full',
        typeText: 'Full',
        grade: 'GOOD',
        gradeText: 'Good',
      },
    ]);
  });

  it('records no enforcement since the last inspection ("none"), only the notice of its own table; no recommendations and no warnings', () => {
    expect(doc.enforcement.map((e) => [e.type, e.regulation?.number, e.issuedOn])).toEqual([
      ['compliance-notice', '6', null],
    ]);
    expect(doc.recommendations).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('names the people', () => {
    expect(doc.people).toEqual([
      { role: 'responsible individual', name: 'James King' },
      { role: 'registered manager', name: 'Georgina May' },
      { role: 'inspector', name: 'Nicola Lownds' },
    ]);
  });
});

describe("Ofsted children's home seed 000: statutory requirements", () => {
  it('reads exactly seven requirements, with regulation, title and paragraph references', () => {
    expect(doc.requirements.map((r) => [r.regulation, r.paragraphs])).toEqual([
      [
        {
          legislation: 'CHR2015',
          number: '5',
          title: "Engaging with the wider system to ensure children's needs are met",
        },
        'Regulation 5 (a)(b)(c)(d)',
      ],
      [
        { legislation: 'CHR2015', number: '6', title: 'The quality and purpose of care standard' },
        'Regulation 6 (1)(a)(b) (2)(a)(b)(i)(ii)(iii)(iv)(vii)(ix) and (c)(i)(ii)',
      ],
      [
        { legislation: 'CHR2015', number: '10', title: 'The health and well-being standard' },
        'Regulation 10 (1)(a)(b)(c) and (2)(a)(i)',
      ],
      [
        { legislation: 'CHR2015', number: '12', title: 'The protection of children standard' },
        'Regulation 12 (1)(2)(a)(i)(ii)(v)(vi) and (b)',
      ],
      [
        { legislation: 'CHR2015', number: '13', title: 'The leadership and management standard' },
        'Regulation 13 (1)(a)(b) and (2)(a)(c)(f)(h)',
      ],
      [
        { legislation: 'CHR2015', number: '23', title: 'Medicines' },
        'Regulation 23 (1) and (2)(b)',
      ],
      [
        {
          legislation: 'CHR2015',
          number: '35',
          title: 'Behaviour management policies and records',
        },
        'Regulation 35 (3)(c)',
      ],
    ]);
  });

  it('numbers requirement ids in document order', () => {
    expect(doc.requirements.map((r) => r.id)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `${INSPECTION_ID}/requirement/${n}`),
    );
  });

  it('gives every requirement the due date 12/09/2019 and the compliance notice to regulation 6 only', () => {
    expect(doc.requirements.map((r) => r.dueDate)).toEqual(Array(7).fill('2019-09-12'));
    expect(
      doc.requirements.filter((r) => r.complianceNotice).map((r) => r.regulation?.number),
    ).toEqual(['6']);
  });

  it('joins rows split across page breaks: regulation 6 (due date on the first part)', () => {
    const r6 = doc.requirements[1]!;
    expect(r6.text).toContain(
      'supports them to fulfil their potential.\nIn particular, the standard in paragraph (1) requires',
    );
    expect(
      r6.text.endsWith(
        '(Regulation 6 (1)(a)(b) (2)(a)(b)(i)(ii)(iii)(iv)(vii)(ix) and (c)(i)(ii))',
      ),
    ).toBe(true);
  });

  it('joins rows split mid-sentence: regulation 10 and 13 keep the part after the page break', () => {
    const r10 = doc.requirements[2]!;
    const r13 = doc.requirements[4]!;
    expect(r10.text).toContain(
      "achieve the health and well-being outcomes that are recorded in the child's relevant plans.",
    );
    expect(r13.text).toContain(
      'to inform the development of the quality of care provided in the home;',
    );
    expect(r13.text).toContain('use monitoring and review systems');
  });

  it('keeps the body text without the "N: title" heading, <p> blocks on their own lines, quotes straightened', () => {
    const r23 = doc.requirements[5]!;
    expect(r23.text).toBe(
      "The registered person must make arrangements for the handling, recording, safekeeping, safe administration and disposal of medicines received into the children's home.\n" +
        'In particular the registered person must ensure that\u2014\n' +
        'medicine which is prescribed for a child is administered as prescribed to the child for whom it is prescribed and to no other child. (Regulation 23 (1) and (2)(b))',
    );
    for (const r of doc.requirements) expect(r.text).not.toMatch(/<\/?p>/);
  });
});

describe("Ofsted children's home seed 000: findings", () => {
  it('opens with the headline, then one finding per judgement paragraph', () => {
    expect(doc.findings[0]).toMatchObject({
      id: `${INSPECTION_ID}/finding/1`,
      section: 'Headline',
      text: expect.stringMatching(
        /^There are serious and widespread failures that mean children and young people are not protected/,
      ),
    });
    const bySection = (section: string) => doc.findings.filter((f) => f.section === section).length;
    expect(bySection('Overall experiences and progress of children and young people')).toBe(7);
    expect(bySection('How well children and young people are helped and protected')).toBe(7);
    expect(bySection('The effectiveness of leaders and managers')).toBe(5);
    expect(doc.findings).toHaveLength(20);
  });

  it('rejoins the paragraph cut by the page break', () => {
    const rejoined = doc.findings.filter((f) =>
      f.text.includes("Good relationships with children's placing authorities are weak"),
    );
    expect(rejoined).toHaveLength(1);
    expect(rejoined[0]!.section).toBe('The effectiveness of leaders and managers');
    expect(rejoined[0]!.text.startsWith('Leaders and managers do not advocate strongly')).toBe(
      true,
    );
    expect(doc.findings.some((f) => f.text.startsWith('placing authorities'))).toBe(false);
  });

  it('leaves classification to the classifier', () => {
    for (const f of doc.findings) {
      expect(f).toMatchObject({ polarity: 'neutral', themes: [], citations: [], repeat: null });
    }
  });

  it('positions point at the line each item starts on', () => {
    const lines = text.split('\n');
    for (const item of [...doc.findings, ...doc.requirements]) {
      expect(text.slice(item.position.offset).startsWith(lines[item.position.line - 1]!)).toBe(
        true,
      );
    }
    expect(doc.requirements[0]!.position.line).toBe(52);
  });
});

describe("Ofsted children's home: messier layouts of the same report", () => {
  it('reads the same document from CRLF text with curly apostrophes', () => {
    const curly = text.replace(/'/g, '\u2019').replace(/\n/g, '\r\n');
    const other = parse(curly);
    expect({ ...other, source: doc.source }).toEqual({
      ...doc,
      findings: expect.any(Array),
      requirements: expect.any(Array),
    });
    expect(other.findings.map((f) => f.text)).toEqual(doc.findings.map((f) => f.text));
    expect(other.requirements.map((r) => r.text)).toEqual(doc.requirements.map((r) => r.text));
  });

  it('ignores running headers and page numbers in mid-text', () => {
    const withFurniture = text
      .replace(
        "children's\n\nplacing",
        "children's\n\f\nInspection report children's home: 1247390\n\n7\n\nplacing",
      )
      .replace(
        'recorded in</p>\t<p>12/09/2019</p>\n\n',
        'recorded in</p>\t<p>12/09/2019</p>\n\f\n4\n\n',
      );
    const other = parse(withFurniture);
    expect(other.findings.map((f) => f.text)).toEqual(doc.findings.map((f) => f.text));
    expect(other.requirements.map((r) => r.text)).toEqual(doc.requirements.map((r) => r.text));
    expect(other.warnings).toEqual([]);
  });

  it('reads a recommendations table like the requirements table', () => {
    const withRecommendations = text.replace(
      '* These requirements are subject to a compliance notice.\n',
      '* These requirements are subject to a compliance notice.\n\nRecommendations\n\n' +
        "<p>The registered person should ensure that staff record the views of children. ('Guide to the children's homes regulations including the quality standards', page 15, paragraph 3.5)</p>\n" +
        "<p>The registered person should ensure that the home is</p>\n\n<p>well maintained. ('Guide to the children's homes regulations including the quality standards', page 15, paragraph 3.9)</p>\n",
    );
    const other = parse(withRecommendations);
    expect(other.recommendations.map((r) => r.text)).toEqual([
      "The registered person should ensure that staff record the views of children. ('Guide to the children's homes regulations including the quality standards', page 15, paragraph 3.5)",
      "The registered person should ensure that the home is well maintained. ('Guide to the children's homes regulations including the quality standards', page 15, paragraph 3.9)",
    ]);
    expect(other.recommendations.map((r) => r.id)).toEqual([
      `${INSPECTION_ID}/recommendation/1`,
      `${INSPECTION_ID}/recommendation/2`,
    ]);
    expect(other.requirements).toHaveLength(7);
  });

  it('turns stated enforcement since the last inspection into items', () => {
    const other = parse(
      text.replace(
        'Enforcement action since last inspection: none',
        'Enforcement action since last inspection: Compliance notice issued 15/03/2019',
      ),
    );
    expect(other.enforcement).toEqual([
      {
        id: `${INSPECTION_ID}/enforcement/1`,
        type: 'compliance-notice',
        legalBasis: null,
        regulation: null,
        count: 1,
        issuedOn: '2019-03-15',
        complyBy: null,
        text: 'Compliance notice issued 15/03/2019',
        position: expect.objectContaining({ line: 35 }),
        requirementIds: [],
      },
      // The report's own notice, under regulation 6, comes after and is numbered on from it.
      expect.objectContaining({
        id: `${INSPECTION_ID}/enforcement/2`,
        requirementIds: [`${INSPECTION_ID}/requirement/2`],
      }),
    ]);
  });

  it('keys the location by content and warns when the URN is missing', () => {
    const other = parse(
      text.replace(/^1247390$/m, '').replace('Unique reference number: 1247390', ''),
    );
    expect(other.location.id).toMatch(/^content:[0-9a-f]{16}$/);
    expect(other.location.urn).toBeNull();
    expect(other.inspection.id).toBe(`${other.location.id}:2019-07-23:full`);
    expect(other.warnings.map((w) => w.code)).toContain('missing-location-id');
  });

  it('warns instead of guessing when the dates and a due date cannot be read', () => {
    const other = parse(
      text
        .replace('Inspection dates: 23 to 24 July 2019', 'Inspection dates: sometime in July')
        .replace('<p>12/09/2019</p>\n<p>13:', '<p>next month</p>\n<p>13:'),
    );
    expect(other.inspection.startDate).toBeNull();
    expect(other.inspection.id).toBe('ofsted:1247390:undated:full');
    expect(other.requirements[3]!.dueDate).toBeNull();
    expect(other.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['unparsed-date', 'missing-due-date']),
    );
  });
});
