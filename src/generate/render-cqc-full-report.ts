/**
 * Writes a CQC inspection plan as a full inspection report, in the layout of the PDF text of
 * shared/corpus/reports/text/cqc_arreta-care-limited_2023-11-14.txt: a running header on every
 * page ("2 <location> Inspection report <publication date>"), the cover (provider, location,
 * address, visit days one a line, publication date, ratings overall and per key question), the
 * summary ("About the service", what people experienced, "Rating at last inspection", "Why we
 * inspected", "Enforcement", "Follow up"), the five questions page, the background with "Service
 * and service type", each key question's detailed findings as "●" bullets under sub-headings,
 * and the closing tables of breaches: "Action we have told the provider to take" (requirement
 * notices) and "Enforcement actions" (warning notices), laid out as in DOMAIN.md and the parser's
 * tests. The cover also prints the CQC location and provider ids, as the report's web page does,
 * so that the report and its metadata key the same location and provider.
 */
import { addWorkingDays, formatLong } from './calendar.ts';
import type {
  CqcFullReportPlan,
  CqcInspectionPlan,
  PastCqcInspection,
  PlannedBreach,
  PlannedKeyQuestion,
} from './cqc-plan.ts';
import type { CqcKeyQuestion } from './data/cqc-full-report-sentences.ts';
import { CQC_LOCATION_KINDS } from './data/synthetic-names.ts';
import { unreachable } from '../model/unreachable.ts';
import type { Random } from './random.ts';
import { capitalise, describeCqcRating, type Rating } from './rating-trajectory.ts';
import { drawAddress } from './sector-plan.ts';

/** What each key question means, as every report prints it before its findings. */
const MEANING: Readonly<Record<CqcKeyQuestion, string>> = {
  Safe: 'Safe – this means we looked for evidence that people were protected from abuse and avoidable harm.',
  Effective:
    "Effective – this means we looked for evidence that people's care, treatment and support achieved good outcomes and promoted a good quality of life, based on best available evidence.",
  Caring:
    'Caring – this means we looked for evidence that the service involved people and treated them with compassion, kindness, dignity and respect.',
  Responsive: "Responsive – this means we looked for evidence that the service met people's needs.",
  'Well-led':
    'Well-led – this means we looked for evidence that service leadership, management and governance assured high-quality, person-centred care; supported learning and innovation; and promoted an open, fair culture.',
};

class PagedText {
  private readonly lines: string[] = [];
  private page = 0;

  constructor(private readonly header: (page: number) => string) {
    this.newPage();
  }

  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  newPage(): void {
    this.page += 1;
    if (this.page > 1) this.lines.push('');
    this.lines.push(this.header(this.page));
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function describeQuestion(question: CqcKeyQuestion): string {
  switch (question) {
    case 'Safe':
      return 'Is the service safe?';
    case 'Effective':
      return 'Is the service effective?';
    case 'Caring':
      return 'Is the service caring?';
    case 'Responsive':
      return 'Is the service responsive?';
    case 'Well-led':
      return 'Is the service well-led?';
    default:
      return unreachable(question, 'key question');
  }
}

function printGrade(rating: Rating): string {
  return capitalise(describeCqcRating(rating));
}

/** "The service was safe." / "not always safe" / "not safe", as the five questions page puts it. */
function describeVerdict(kq: PlannedKeyQuestion): string {
  const word = kq.question.toLowerCase();
  if (kq.rating <= 1) return `The service was ${word}.`;
  return kq.rating === 2 ? `The service was not always ${word}.` : `The service was not ${word}.`;
}

function describeLastRating(previous: PastCqcInspection | null, registeredOn: number): string {
  if (!previous)
    return `This service was registered with us on ${formatLong(registeredOn)} and this is the first inspection.`;
  const kind = previous.type === 'full' ? 'comprehensive' : 'routine';
  return `At our last ${kind} inspection on ${formatLong(previous.start)} we rated this service ${describeCqcRating(previous.rating)}.`;
}

function listVisitDays(start: number, end: number): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = addWorkingDays(day, 1)) days.push(formatLong(day));
  return days;
}

function renderBreachRows(
  out: PagedText,
  breaches: readonly PlannedBreach[],
  activity: string,
  closing: string | null,
): void {
  for (const breach of breaches) {
    out.add(
      'Regulated activity',
      activity,
      'Regulation',
      `Regulation ${breach.number} HSCA RA Regulations 2014 ${breach.heading}`,
    );
    out.add(breach.explanation, breach.paragraphs);
    if (closing) out.add('The enforcement action we took:', closing);
  }
}

function renderTables(out: PagedText, full: CqcFullReportPlan, activity: string): void {
  if (full.breaches.length === 0) return;
  out.newPage();
  out.add('This section is primarily information for the provider');
  const notices = full.breaches.filter((b) => b.action === 'requirement-notice');
  const warnings = full.breaches.filter((b) => b.action === 'warning-notice');
  if (notices.length > 0) {
    out.add(
      'Action we have told the provider to take',
      'The table below shows where regulations were not being met and we have asked the provider to send us a report that says what action they are going to take. We did not take formal enforcement action at this stage. We will check that this action is taken by the provider at our next inspection.',
    );
    renderBreachRows(out, notices, activity, null);
  }
  if (warnings.length > 0) {
    out.add(
      'Enforcement actions',
      'The table below shows why we have decided to take enforcement action.',
    );
    renderBreachRows(out, warnings, activity, 'We issued a warning notice.');
  }
}

export function renderCqcFullReport(random: Random, plan: CqcInspectionPlan): string {
  const full = plan.full;
  if (!full) throw new Error(`inspection ${plan.id} has no full report planned`);
  const { location } = plan;
  const provider = location.provider;
  const published = formatLong(full.publishedOn);
  const out = new PagedText((page) => `${page} ${location.name} Inspection report ${published}`);
  const activity =
    CQC_LOCATION_KINDS.find((k) => k.type === location.type)?.activity ?? 'Personal care';
  const registeredOn = plan.dates.start - random.int(200, 900);
  const occupancy = random.int(6, 60);

  out.add(
    provider.name,
    location.name,
    'Inspection report',
    ...drawAddress(random, 'Synthetic Town').split(', '),
  );
  out.add('Date of inspection visit:', ...listVisitDays(plan.dates.start, plan.dates.end));
  out.add('Date of publication:', published);
  out.add(`Location ID: ${location.cqcId ?? ''}`, `Provider ID: ${provider.cqcId ?? ''}`);
  out.add(`Overall rating for this service ${printGrade(plan.rating)}`);
  for (const kq of full.keyQuestions)
    out.add(`${describeQuestion(kq.question)} ${printGrade(kq.rating)}`);
  out.add('Ratings');

  out.newPage();
  out.add('Summary of findings', 'Overall summary', 'About the service');
  out.add(
    `${location.name} is a ${location.type} run by ${provider.name}. At the time of our inspection there were ${occupancy} people using the service.`,
  );
  out.add("People's experience of using this service and what we found");
  for (const paragraph of full.summary) out.add('', paragraph.text);
  out.add(
    '',
    'For more details, please see the full report which is on the CQC website at www.cqc.org.uk',
  );
  out.add('Rating at last inspection', describeLastRating(plan.previous, registeredOn));
  out.add('Why we inspected', full.whyInspected);
  if (full.enforcementSummary) out.add('Enforcement', full.enforcementSummary);
  out.add(
    'Follow up',
    'We will continue to monitor information we receive about the service, which will help inform when we next inspect.',
  );

  out.newPage();
  out.add(
    'The five questions we ask about services and what we found',
    'We always ask the following five questions of services.',
  );
  for (const kq of full.keyQuestions) {
    out.add(
      `${describeQuestion(kq.question)} ${printGrade(kq.rating)}`,
      describeVerdict(kq),
      `Details are in our ${kq.question.toLowerCase()} findings below.`,
    );
  }

  out.newPage();
  out.add('Background to this inspection', 'The inspection');
  out.add(
    'We carried out this inspection under Section 60 of the Health and Social Care Act 2008 (the Act) as part of our regulatory functions. This was an unannounced comprehensive inspection.',
  );
  const inspectors = random.int(1, 3);
  out.add(
    'Inspection team',
    `The inspection was carried out by ${inspectors === 1 ? 'one inspector' : `${inspectors} inspectors`}.`,
  );
  out.add('Service and service type', `${location.name} is a ${location.type}.`);

  for (const kq of full.keyQuestions) {
    out.newPage();
    out.add(describeQuestion(kq.question), 'Our findings', MEANING[kq.question]);
    for (const group of kq.groups) {
      out.add(group.subheading, ...group.bullets.map((b) => `● ${b.text}`));
    }
  }

  renderTables(out, full, activity);
  return out.toString();
}
