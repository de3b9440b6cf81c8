/**
 * Writes an Ofsted children's home inspection plan out as report text in the layout of the seed
 * report (seed/000_573f2340e3d978e1.txt): blank-line separated paragraphs, the first-page
 * judgements, "Recent inspection history" and requirement tables with tab-separated cells and
 * `<p>` blocks, the `*` footnote, the narrative under "<area>: <grade>" headings, and the details
 * at the end. Page breaks cut some paragraphs and table rows, as in PDF extracts. An interim
 * report has the same shape with "Interim inspection", one inspection date, the interim judgement
 * sentence in place of the three judgements and headline, and its narrative under "This
 * inspection" (no area is graded).
 */
import { formatDateRange, formatLong, formatMonthYear, formatSlash } from './calendar.ts';
import { CAPACITY_WORDS } from './data/synthetic-names.ts';
import { LEADERSHIP_AREA, OVERALL_AREA, PROTECTION_AREA, type OfstedArea } from './data/themes.ts';
import {
  ABOUT_THIS_INSPECTION,
  CLOSING_NOTE,
  COMPLIANCE_FOOTNOTE,
  REQUIREMENTS_INTRO,
} from './data/ofsted-wording.ts';
import { describeInterimJudgement } from './interim-judgement.ts';
import type {
  ComplianceNotice,
  OfstedInspectionPlan,
  PastOfstedInspection,
  PlannedParagraph,
  PlannedRequirement,
} from './ofsted-plan.ts';
import { buildOfstedPageFurniture, cutAtPageBreak } from './page-breaks.ts';
import type { Random } from './random.ts';
import { capitalise, describeOfstedRating, type Rating } from './rating-trajectory.ts';

class ReportText {
  private readonly lines: string[] = ['', ''];
  private page = 1;

  constructor(private readonly urn: string) {}

  /** A paragraph and the blank line after it. */
  add(...paragraphs: string[]): void {
    for (const p of paragraphs) this.lines.push(p, '');
  }

  /** Lines with no blank line between them (table rows). */
  addRows(rows: readonly string[]): void {
    this.lines.push(...rows);
  }

  pageBreak(): void {
    this.page += 1;
    this.lines.push('', ...buildOfstedPageFurniture(this.urn, this.page), '');
  }

  toString(): string {
    return `${this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  }
}

function readAreaRating(plan: OfstedInspectionPlan, area: OfstedArea): Rating {
  switch (area) {
    case OVERALL_AREA:
      return plan.overall;
    case PROTECTION_AREA:
      return plan.protection;
    case LEADERSHIP_AREA:
      return plan.leadership;
    default:
      return unreachableArea(area);
  }
}

function unreachableArea(area: never): never {
  throw new Error(`Unknown area ${String(area)}`);
}

/** The judgement an earlier inspection is listed with: its grade, or its interim judgement. */
function describePastJudgement(past: PastOfstedInspection): string {
  return past.interim ? describeInterimJudgement(past.interim) : describeOfstedRating(past.rating);
}

function describeEnforcement(notices: readonly ComplianceNotice[]): string {
  if (notices.length === 0) return 'none';
  return notices
    .map(
      (n) =>
        `compliance notice issued on ${formatSlash(n.issuedOn)} under regulation ${n.regulation}`,
    )
    .join('; ');
}

function renderRequirementRow(
  random: Random,
  out: ReportText,
  requirement: PlannedRequirement,
  due: string,
): void {
  const head = `<p>${requirement.breach.number}: ${requirement.heading}${requirement.complianceNotice ? ' *' : ''}</p>`;
  const blocks = requirement.wording.blocks;
  const dueCell = random.chance(0.5) ? `<p>${due}</p>` : due;
  const cut = requirement.splitAcrossPages
    ? cutAtPageBreak(random, blocks[blocks.length - 1]!)
    : null;
  if (!cut) {
    out.addRows([`${[head, ...blocks.map((b) => `<p>${b}</p>`)].join(' ')}\t${dueCell}`]);
    return;
  }
  const first = [head, ...blocks.slice(0, -1).map((b) => `<p>${b}</p>`), `<p>${cut[0]}</p>`].join(
    ' ',
  );
  out.addRows([`${first}\t${dueCell}`]);
  out.pageBreak();
  out.addRows([`<p>${cut[1]}</p>\t`]);
}

function renderParagraph(
  random: Random,
  out: ReportText,
  paragraph: PlannedParagraph,
  quote: (s: string) => string,
): void {
  const text = quote(paragraph.sentences.join(' '));
  const cut = paragraph.splitAcrossPages ? cutAtPageBreak(random, text) : null;
  if (!cut) {
    out.add(text);
    return;
  }
  out.add(cut[0]);
  out.pageBreak();
  out.add(cut[1]);
}

function renderRequirements(
  random: Random,
  out: ReportText,
  plan: OfstedInspectionPlan,
  quote: (s: string) => string,
): void {
  if (plan.requirements.length === 0) return;
  out.add('Statutory requirements', REQUIREMENTS_INTRO);
  out.addRows(['Requirement\tDue date']);
  const due = formatSlash(plan.dueDate);
  for (const requirement of plan.requirements) {
    const quoted = {
      ...requirement,
      wording: { ...requirement.wording, blocks: requirement.wording.blocks.map(quote) },
    };
    renderRequirementRow(random, out, quoted, due);
  }
  out.add('');
  if (plan.requirements.some((r) => r.complianceNotice)) out.add(COMPLIANCE_FOOTNOTE);
}

export function renderOfstedReport(random: Random, plan: OfstedInspectionPlan): string {
  const { location } = plan;
  const urn = location.urn ?? '';
  const provider = location.provider;
  const quote = (s: string): string => (plan.curlyApostrophes ? s.replace(/'/g, '\u2019') : s);
  const out = new ReportText(urn);

  const interim = plan.kind === 'interim';
  out.add(
    urn,
    `Registered provider: ${provider.name}`,
    interim ? 'Interim inspection' : 'Full inspection',
    'Inspected under the social care common inspection framework',
  );
  out.add("Information about this children's home");
  out.add(
    quote(
      `The home can provide care for up to ${CAPACITY_WORDS[location.capacity ?? 2]} children ${location.specialism}.`,
    ),
  );
  out.add(
    `The manager has been registered with Ofsted since ${formatMonthYear(plan.managerSince)}.`,
  );
  if (interim) {
    out.add(`Inspection date: ${formatLong(plan.dates.start)}`);
  } else {
    out.add(
      `Inspection dates: ${formatDateRange(plan.dates.start, plan.dates.end, plan.dates.style)}`,
    );
    out.add(
      `${OVERALL_AREA}, taking into account ${describeOfstedRating(plan.overall)}`,
      `${PROTECTION_AREA} ${describeOfstedRating(plan.protection)}`,
      `${LEADERSHIP_AREA} ${describeOfstedRating(plan.leadership)}`,
    );
  }
  out.add(quote(plan.headline));

  const last = plan.history[0];
  if (last) {
    out.add(
      `Date of last inspection: ${formatLong(last.start)}`,
      `Overall judgement at last inspection: ${describePastJudgement(last)}`,
    );
    out.add(
      `Enforcement action since last inspection: ${describeEnforcement(plan.enforcementSinceLast)}`,
    );
    out.add('Recent inspection history');
    out.addRows(['Inspection date\tInspection type\tInspection judgement']);
    out.addRows(
      plan.history.map(
        (h) =>
          `${formatSlash(h.start)}\t${capitalise(h.kind)}\t${capitalise(describePastJudgement(h))}`,
      ),
    );
    out.add('');
  }

  if (plan.requirements.length > 0 || plan.recommendations.length > 0) {
    out.add("What does the children's home need to do to improve?");
    renderRequirements(random, out, plan, quote);
    if (plan.recommendations.length > 0)
      out.add('Recommendations', ...plan.recommendations.map(quote));
  }

  if (interim) {
    out.add('This inspection');
    for (const paragraph of plan.paragraphs) renderParagraph(random, out, paragraph, quote);
  } else {
    out.add('Inspection judgements');
    for (const area of [OVERALL_AREA, PROTECTION_AREA, LEADERSHIP_AREA] as const) {
      out.add(`${area}: ${describeOfstedRating(readAreaRating(plan, area))}`);
      for (const paragraph of plan.paragraphs.filter((p) => p.area === area))
        renderParagraph(random, out, paragraph, quote);
    }
  }

  out.add('Information about this inspection', ...ABOUT_THIS_INSPECTION);
  out.add(
    "Children's home details",
    `Unique reference number: ${urn}`,
    "Provision sub-type: Children's home",
  );
  out.add(
    `Registered provider: ${provider.name}`,
    `Registered provider address: ${provider.address}`,
  );
  out.add(
    `Responsible individual: ${provider.responsibleIndividual}`,
    `Registered manager: ${plan.registeredManager}`,
  );
  out.add('Inspector', `${plan.inspector}, social care inspector`, CLOSING_NOTE);
  return out.toString();
}
