/**
 * What a theme's words mean in a kind of report (themes.json `contexts`): real sentences of
 * Ofsted local-authority reports in the shared corpus (the PDF, then the section heading the
 * pipeline gives the finding), each tagged in its own family and, for contrast, with no family,
 * which is how a CQC or children's home text is read. Contexts are rules, so the rules are tagged
 * alone here.
 */
import { describe, expect, it } from 'vitest';
import type { ReportFamily } from '../../../src/model/document.ts';
import { tagThemes } from '../../../src/ingest/classify/tag-themes.ts';

interface ContextCase {
  /** Shared corpus PDF. */
  source: string;
  family: ReportFamily;
  section: string;
  text: string;
  /** Themes it must get in its family. */
  themes: string[];
  /** Themes it must not get in its family. */
  notThemes: string[];
  /** A theme the same words give without the context, showing the rule is what changed. */
  withoutContext?: string;
}

const FV = 'ofsted-la-focused-visit';
const LA = 'ofsted-la-childrens-services';
const SEND = 'ofsted-la-area-send';

const CASES: ContextCase[] = [
  {
    source: 'ofsted-focused-visit_80441_bristol_2022-01-31.pdf',
    family: FV,
    section: 'Headline findings',
    text: 'Strong, effective leaders have systematically strengthened practice and decision-making at the front door despite the additional pressures of COVID-19.',
    themes: [],
    notThemes: ['infection-control'],
    withoutContext: 'infection-control',
  },
  {
    source: 'ofsted-focused-visit_80445_cambridgeshire_2022-04-14.pdf',
    family: FV,
    section: 'Headline findings',
    text: 'Since then, the COVID-19 pandemic has presented significant challenges to which senior leaders have responded well.',
    themes: [],
    notThemes: ['infection-control'],
    withoutContext: 'infection-control',
  },
  {
    source: 'ofsted-focused-visit_80468_essex_2021-11-22.pdf',
    family: FV,
    section: 'Headline findings',
    text: 'This creative culture has continued throughout the period of the COVID-19 pandemic restrictions and beyond, with staff flexibly adapting their ways of working.',
    themes: [],
    notThemes: ['dignity-and-rights', 'infection-control'],
    withoutContext: 'dignity-and-rights',
  },
  {
    source: 'ofsted-focused-visit_80492_croydon_2021-07-26.pdf',
    family: FV,
    section: 'Main findings',
    text: 'Leaders need to maintain an unwavering focus on the needs of children as they continue to work in the context of financial restrictions and changes to the workforce.',
    themes: ['staffing'],
    notThemes: ['dignity-and-rights'],
    withoutContext: 'dignity-and-rights',
  },
  {
    source: 'ofsted-focused-visit_80441_bristol_2025-03-20.pdf',
    family: FV,
    section: 'Main findings',
    text: 'Children have a good understanding of their rights and entitlements, which are discussed sensitively with them and revisited as needed.',
    themes: [],
    notThemes: ['dignity-and-rights'],
    withoutContext: 'dignity-and-rights',
  },
  {
    source: 'ofsted-focused-visit_80484_lincolnshire_2025-07-31.pdf',
    family: FV,
    section: 'Main findings',
    text: 'With the offer embedded into pathway plans, alongside reinforcement from their leaving care workers, young people are helped to understand their rights and entitlements.',
    themes: ['care-planning'],
    notThemes: ['dignity-and-rights'],
  },
  {
    source: 'ofsted-focused-visit_80441_bristol_2026-01-12.pdf',
    family: FV,
    section: 'Main findings',
    text: 'Senior leaders and managers benefit from robust performance management information and well-established quality assurance activity to give them a comprehensive understanding of practice and the impact that services are having for children.',
    themes: ['governance'],
    notThemes: ['education-and-achievement'],
    withoutContext: 'education-and-achievement',
  },
  {
    source: 'ofsted-ilacs_80426_barnsley_2014-08-08.pdf',
    family: LA,
    section: 'The experiences and progress of children who need help and protection',
    text: 'There is an improved focus on embedding the learning from complaints in practice through discussion at the weekly performance management meetings, although this is not yet fully embedded.',
    themes: ['voice-and-complaints', 'governance'],
    notThemes: ['education-and-achievement'],
  },
  {
    source: 'ofsted-ilacs_80438_brighton-and-hove_2015-06-22.pdf',
    family: LA,
    section: 'Leadership, management and governance',
    text: 'The performance framework is well embedded and the quarterly performance board rigorously analyses key performance indicators, progress against performance targets, risk actions, learning from complaints and audits and key people data.',
    themes: ['governance', 'voice-and-complaints'],
    notThemes: ['education-and-achievement'],
    withoutContext: 'education-and-achievement',
  },
  {
    source: 'ofsted-ilacs_80495_greenwich_2016-08-05.pdf',
    family: LA,
    section: 'Leadership, management and governance',
    text: 'A group of young commissioners has been recruited recently to work alongside the commissioning team to ensure that the views of young people are considered when services are designed and commissioned.',
    themes: ['voice-and-complaints'],
    notThemes: ['partnership-working', 'education-and-achievement'],
    withoutContext: 'partnership-working',
  },
  {
    source: 'ofsted-focused-visit_80429_birmingham_2021-12-01.pdf',
    family: FV,
    section: 'Main findings',
    text: "Most social workers' caseloads are manageable, enabling them to spend positive time with children, getting to know them and building trusting relationships.",
    themes: ['staffing'],
    notThemes: ['partnership-working'],
  },
  {
    source: 'ofsted-focused-visit_80492_croydon_2021-07-26.pdf',
    family: FV,
    section: 'Main findings',
    text: 'Decisions at strategy meetings are well recorded, with clear management rationale about what needs to happen next.',
    themes: ['records'],
    notThemes: [],
  },
  {
    source: 'ofsted-focused-visit_80445_cambridgeshire_2020-03-05.pdf',
    family: FV,
    section: 'Findings',
    text: 'The established corporate parenting arrangements are effective in engaging councillors and officer attendance.',
    themes: ['governance'],
    notThemes: [],
  },
  {
    source: 'ofsted-focused-visit_80441_bristol_2026-01-12.pdf',
    family: FV,
    section: 'Main findings',
    text: 'The suitability and duration of their private fostering arrangement are thoroughly assessed and monitored regularly by practitioners and senior managers.',
    themes: ['care-planning'],
    notThemes: [],
  },
  {
    source: 'ofsted-ilacs_80442_buckinghamshire_2018-01-29.pdf',
    family: LA,
    section: 'The experiences and progress of children looked after and achieving permanence',
    text: 'A few children in care and placed with parents have continued to live in neglectful circumstances and some have not had all their basic needs met.',
    themes: ['care-planning'],
    notThemes: [],
  },
  {
    source: 'ofsted-focused-visit_80520_luton_2021-06-18.pdf',
    family: FV,
    section: 'Findings',
    text: 'Leaders have strengthened decision-making for children on the edge of care, responding to concerns identified at the last inspection for homeless 16- and 17- year-olds.',
    themes: ['care-planning'],
    notThemes: [],
  },
  {
    source: 'ofsted-ilacs_80544_kensington-and-chelsea_2016-03-29.pdf',
    family: LA,
    section: 'The experiences and progress of children looked after and achieving permanence',
    text: 'Identified areas for development include improving the numbers of young people who chair their own reviews, and a more innovative focus on overseeing young people returning home and exiting care proceedings via supervision orders.',
    themes: [],
    notThemes: ['staffing'],
    withoutContext: 'staffing',
  },
  {
    source: 'ofsted-area-send_80428_bedford_2025-02-04.pdf',
    family: SEND,
    section: 'What is it like to be a child or young person with SEND in this area',
    text: "Children in Bedford Borough have their voices heard effectively. The parent and carers' forum (PCF) is represented well as part of the partnership. This culture of co-working between the partnership and children and families enables them to understand and shape the services they require.",
    themes: ['voice-and-complaints'],
    notThemes: ['partnership-working'],
    withoutContext: 'partnership-working',
  },
  {
    source: 'ofsted-area-send_80428_bedford_2025-02-04.pdf',
    family: SEND,
    section: 'What is the area partnership doing that is effective',
    text: 'Strong joint working means that many young people with SEND enter adulthood with confidence and independence.',
    themes: ['partnership-working'],
    notThemes: [],
  },
  {
    source: 'ofsted-area-send_80513_richmond-upon-thames_2023-12-04.pdf',
    family: SEND,
    section: 'Areas for improvement',
    text: 'The local area partnership should improve the quality of information in EHC plans so they reflect the current needs and outcomes for children and young people with SEND.',
    themes: ['care-planning'],
    notThemes: ['education-and-achievement', 'partnership-working'],
    withoutContext: 'education-and-achievement',
  },
];

function label(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

describe('theme contexts on real local-authority sentences', () => {
  it.each(CASES.map((c) => [label(c.text), c] as const))('%s', (_name, c) => {
    const ids = tagThemes(c.text, { family: c.family, section: c.section, rulesOnly: true }).map(
      (t) => t.id,
    );
    for (const theme of c.themes) expect(ids, `expected ${theme} (${c.source})`).toContain(theme);
    for (const theme of c.notThemes)
      expect(ids, `did not expect ${theme} (${c.source})`).not.toContain(theme);
    if (c.withoutContext)
      expect(
        tagThemes(c.text, { rulesOnly: true }).map((t) => t.id),
        'without the family the words mean what they mean elsewhere',
      ).toContain(c.withoutContext);
  });
});

describe('contexts by section heading', () => {
  // Norfolk ILACS 2026 (shared corpus), under "The experiences and progress of care leavers";
  // read again under another heading and in an area SEND report.
  const text =
    "As a result, PAs have a comprehensive understanding of care leavers' needs before meeting them.";

  it('reads PAs as personal advisers under a heading about care leavers', () => {
    const tags = tagThemes(text, {
      rulesOnly: true,
      family: LA,
      section: 'The experiences and progress of care leavers',
    });
    expect(tags.map((t) => t.id)).toContain('care-planning');
    expect(tags.find((t) => t.id === 'care-planning')!.terms).toContain('pas');
  });

  it('does not under another heading, nor in an area SEND report', () => {
    const elsewhere = tagThemes(text, { family: LA, section: 'Main findings', rulesOnly: true });
    expect(elsewhere.find((t) => t.id === 'care-planning')?.terms ?? []).not.toContain('pas');
    const send = tagThemes(text, {
      rulesOnly: true,
      family: SEND,
      section: 'The experiences and progress of care leavers',
    });
    expect(send.find((t) => t.id === 'care-planning')?.terms ?? []).not.toContain('pas');
  });
});

describe('infection control outside local-authority reports', () => {
  it('keeps COVID-19 as infection control in a CQC text', () => {
    const text =
      'The service had effective systems to prevent and control the spread of COVID-19 and other infections.';
    expect(
      tagThemes(text, { family: 'cqc-api-location', rulesOnly: true }).map((t) => t.id),
    ).toContain('infection-control');
  });
});
