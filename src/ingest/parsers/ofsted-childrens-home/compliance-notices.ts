import type { EnforcementItem, Requirement, ReportDocument } from '../../../model/document.ts';
import { buildChildId } from '../ids.ts';

/** Starred requirements grouped by the regulation they are under, in table order. */
function groupByRegulation(requirements: readonly Requirement[]): Requirement[][] {
  const groups = new Map<string, Requirement[]>();
  for (const requirement of requirements) {
    if (!requirement.complianceNotice) continue;
    // A starred row that names no regulation cannot share a notice with another.
    const key = requirement.regulation
      ? `${requirement.regulation.legislation}:${requirement.regulation.number}`
      : requirement.id;
    const group = groups.get(key);
    if (group) group.push(requirement);
    else groups.set(key, [requirement]);
  }
  return [...groups.values()];
}

function earliest(dates: readonly (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null).sort();
  return known[0] ?? null;
}

/**
 * The compliance notices of the statutory requirements table, appended to the document's
 * enforcement as actions of this inspection, each linked to the requirements it covers.
 *
 * One notice per starred regulation, not one per footnote: the footnote "* These requirements
 * are subject to a compliance notice." is the template's fixed sentence, printed in the plural
 * even under a single starred row (the seed report stars only regulation 6), so it does not say
 * how many notices there are. What the report does mark is each regulation's row, so each starred
 * regulation is read as its own notice (as the generated corpus plans them), and rows of one
 * regulation share it. Counting one notice per report instead would hide which regulation a
 * notice is under whenever two are starred.
 *
 * The report gives neither the notice's date nor the section of the Act it is served under, so
 * `issuedOn` and `legalBasis` stay null; the requirement's due date is the date to comply by.
 * Runs on a numbered document, because the links are requirement ids; the ids it gives continue
 * the enforcement numbering as `renumberDocumentIds` would.
 */
export function addComplianceNotices(doc: ReportDocument): ReportDocument {
  const notices: EnforcementItem[] = groupByRegulation(doc.requirements).map((rows, k) => ({
    id: buildChildId(doc.inspection.id, 'enforcement', doc.enforcement.length + k + 1),
    type: 'compliance-notice',
    legalBasis: null,
    regulation: rows[0]!.regulation ? { ...rows[0]!.regulation } : null,
    count: 1,
    issuedOn: null,
    complyBy: earliest(rows.map((r) => r.dueDate)),
    text: rows.map((r) => r.text).join('\n'),
    position: { ...rows[0]!.position },
    requirementIds: rows.map((r) => r.id),
  }));
  return notices.length === 0 ? doc : { ...doc, enforcement: [...doc.enforcement, ...notices] };
}
