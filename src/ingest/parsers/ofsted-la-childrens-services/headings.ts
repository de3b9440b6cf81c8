import type { HeadingRule } from '../ofsted-la-common/outline.ts';
import type { LaFramework } from './framework.ts';

const GRADE = String.raw`(?:requires? improvement(?: to be good)?|require improvement(?: to be good)?|outstanding|good|adequate|inadequate)`;

/** The grade after a judgement heading: "…: good", "… are good", "… is outstanding". */
const HEADING_GRADE = String.raw`(?:\s+(?:are|is)\b)?\s*:?\s*(?:(?:are|is)\s+)?${GRADE}\.?`;

/** A judgement heading with an optional grade after it ("…help and protection: good"). */
function judged(area: string): RegExp {
  return new RegExp(String.raw`^(?:the )?${area}(?:${HEADING_GRADE})?\.?$`, 'i');
}

/** The heading without its grade: the section's name. */
export function stripHeadingGrade(heading: string): string {
  return heading.replace(new RegExp(String.raw`${HEADING_GRADE}$`, 'i'), '').trim();
}

/** The grade wording after a judgement heading, or null. */
export function readHeadingGradeText(heading: string): string | null {
  const m = new RegExp(
    String.raw`(?:\s+(?:are|is)\b)?\s*:?\s*(?:(?:are|is)\s+)?(${GRADE})\.?$`,
    'i',
  ).exec(heading);
  return m && m.index > 0 ? m[1]! : null;
}

/** Closing boilerplate shared by every era. */
const CLOSING: readonly HeadingRule[] = [
  {
    pattern:
      /^the office for standards in education, children's services and skills \(ofsted\) regulates/i,
    role: 'stop',
  },
  { pattern: /^any complaints about the inspection or the report should be made/i, role: 'stop' },
  { pattern: /^if you are not happy with the inspection or the report/i, role: 'stop' },
];

const ILACS_HEADINGS: readonly HeadingRule[] = [
  { pattern: /^what needs to improve\s*\??:?$/i, role: 'concern', name: 'What needs to improve' },
  {
    pattern: judged('impact of leaders on social work practice with children and families'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  {
    pattern: judged('experiences and progress of children who need help and protection'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  {
    pattern: judged('experiences and progress of children in care(?: and care leavers)?'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  {
    pattern: judged('experiences and progress of care leavers'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  ...CLOSING,
];

const LSCB = 'Local Safeguarding Children Board';

const SIF_HEADINGS: readonly HeadingRule[] = [
  { pattern: /^executive summary$/i, role: 'narrative' },
  { pattern: /^summary of key findings$/i, role: 'narrative' },
  { pattern: /^contents$/i, role: 'skip' },
  { pattern: /^section 1\s*:\s*the local authority$/i, role: 'skip' },
  {
    pattern: /^section 1\s*:\s*the local authority\s*[-–—]\s*summary of (?:key )?findings$/i,
    role: 'narrative',
    name: 'Summary of findings',
  },
  { pattern: /^the local authority$/i, role: 'skip' },
  { pattern: /^information about this local authority area\s*\d?$/i, role: 'skip' },
  { pattern: /^information about this inspection$/i, role: 'skip' },
  { pattern: /^what does the local authority need to improve\??$/i, role: 'concern' },
  { pattern: /^priority and immediate action:?$/i, role: 'concern' },
  { pattern: /^areas for improvement:?$/i, role: 'concern', name: 'Areas for improvement' },
  { pattern: /^recommendations:?$/i, role: 'concern', name: 'Recommendations' },
  { pattern: /^summary for children and young people$/i, role: 'narrative' },
  { pattern: /^inspection judgements about the local authority$/i, role: 'skip' },
  {
    pattern: judged('experiences and progress of children who need help and protection'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  {
    pattern: judged('experiences and progress of children looked after and achieving permanence'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  {
    pattern: new RegExp(
      String.raw`^the graded judgement (?:for|about) adoption performance(?: is(?: that it is)?)? ${GRADE}\.?$`,
      'i',
    ),
    role: 'narrative',
    name: 'Adoption performance',
  },
  {
    pattern: new RegExp(
      String.raw`^the graded judgement (?:about|for) the experiences? and progress of care leavers(?: is(?: that it is)?)? ${GRADE}\.?$`,
      'i',
    ),
    role: 'narrative',
    name: 'Experiences and progress of care leavers',
  },
  {
    pattern: judged('leadership, management and governance'),
    role: 'narrative',
    name: stripHeadingGrade,
  },
  { pattern: /^what the inspection judge?ments mean\b.*$/i, role: 'skip' },
  {
    pattern: /^(?:the )?local safeguarding children board(?: \(lscb\))?$/i,
    role: 'narrative',
    name: LSCB,
    startsPart: LSCB,
  },
  {
    pattern: /^section 2\s*:\s*the effectiveness of the local safeguarding children board$/i,
    role: 'narrative',
    name: LSCB,
    startsPart: LSCB,
  },
  {
    pattern: /^inspection findings\s*[-–—]\s*the local safeguarding children board$/i,
    role: 'narrative',
    name: 'Inspection findings',
  },
  { pattern: /^what does the lscb need to improve\??$/i, role: 'concern' },
  { pattern: /^inspection judgement about the lscb$/i, role: 'narrative' },
  { pattern: /^key strengths and weaknesses of the lscb$/i, role: 'narrative' },
  ...CLOSING,
];

const LAC_HEADINGS: readonly HeadingRule[] = [
  { pattern: /^contents$/i, role: 'skip' },
  { pattern: /^about this inspection$/i, role: 'skip' },
  { pattern: /^the inspection judgements and what they mean$/i, role: 'skip' },
  { pattern: /^service information$/i, role: 'skip' },
  {
    pattern: /^overall effectiveness of services for looked after children and young people$/i,
    role: 'narrative',
  },
  { pattern: /^capacity to improve$/i, role: 'narrative' },
  { pattern: /^areas for improvement$/i, role: 'concern' },
  { pattern: /^outcomes for looked after children and young people$/i, role: 'narrative' },
  {
    pattern:
      /^(?:being healthy|staying safe|enjoying and achieving|making a positive contribution(?:, including user engagement)?|economic well-being)$/i,
    role: 'narrative',
  },
  { pattern: /^quality of provision$/i, role: 'narrative' },
  { pattern: /^leadership and management$/i, role: 'narrative' },
  { pattern: /^equality and diversity$/i, role: 'narrative' },
  { pattern: /^record of main findings$/i, role: 'skip' },
  ...CLOSING,
];

export function selectHeadingRules(framework: LaFramework): readonly HeadingRule[] {
  switch (framework) {
    case 'ILACS':
      return ILACS_HEADINGS;
    case 'SIF':
      return SIF_HEADINGS;
    case 'LAC':
      return LAC_HEADINGS;
    default:
      return unreachableFramework(framework);
  }
}

function unreachableFramework(framework: never): never {
  throw new Error(`Unhandled framework ${String(framework)}`);
}
