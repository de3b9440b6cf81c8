/**
 * Writes a CQC inspection plan as a location summary in the layout of the seed
 * (seed/002_7b99ce8a6ac40e7e.txt): dates line, "During a routine inspection", the rating
 * statement, "- " bullets, "However:", more bullets, and the enforcement paragraph. The summary
 * names neither location nor provider: report-meta.ts gives them for `<file>.meta.json`.
 */
import { formatDateRange, formatLong } from './calendar.ts';
import type { CqcInspectionPlan, WarningNotices } from './cqc-plan.ts';
import { describeCqcRating } from './rating-trajectory.ts';

function describeDirection(plan: CqcInspectionPlan): string {
  switch (plan.direction) {
    case null:
      return 'This was the first time we rated this location.';
    case 'UP':
      return 'Our rating of this location went up.';
    case 'DOWN':
      return 'Our rating of this location went down.';
    case 'SAME':
      return 'Our rating of this location stayed the same.';
    default:
      return unreachableDirection(plan.direction);
  }
}

function unreachableDirection(direction: never): never {
  throw new Error(`Unknown rating direction ${String(direction)}`);
}

export function describeWarningNotices(notices: WarningNotices): string {
  const what = notices.count === 1 ? 'a Warning Notice' : `${notices.count} Warning Notices`;
  return [
    `As a result of the concerns we identified we issued the provider with ${what} under Section 29 of the Health and Social Care Act 2008.`,
    'The provider had failed to comply with the relevant requirements of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014.',
    `We require the provider to make the necessary improvements and be compliant with the regulation by ${formatLong(notices.complyBy)}.`,
    'You can see full details of the regulations not being met at the end of this report.',
  ].join(' ');
}

export function renderCqcSummary(plan: CqcInspectionPlan): string {
  const lines = [
    formatDateRange(plan.dates.start, plan.dates.end, plan.dates.style),
    'During a routine inspection',
    `${describeDirection(plan)} We rated it as ${describeCqcRating(plan.rating)} because:`,
    ...plan.reasons.map((b) => `- ${b.text}`),
  ];
  if (plan.however.length > 0) lines.push('However:', ...plan.however.map((b) => `- ${b.text}`));
  if (plan.warningNotices) lines.push(describeWarningNotices(plan.warningNotices));
  return `${lines.join('\n')}\n`;
}
