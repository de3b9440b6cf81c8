import type { InspectionType, Regulator, ReportDocument } from '../../model/document.ts';
import { slugifyName } from '../text/slug.ts';

export type ChildKind = 'requirement' | 'finding' | 'recommendation' | 'enforcement';

/** Stands in for the start date in an inspection id when the report gives none. */
export const UNDATED = 'undated';

/** `<location id>:<start date>:<type>`, so a history row and that inspection's own report meet. */
export function buildInspectionId(
  locationId: string,
  startDate: string | null,
  type: InspectionType,
): string {
  return `${locationId}:${startDate ?? UNDATED}:${type}`;
}

/** `<inspection id>/<kind>/<n>`, n counted from 1 in document order. */
export function buildChildId(inspectionId: string, kind: ChildKind, n: number): string {
  return `${inspectionId}/${kind}/${n}`;
}

export function buildOfstedLocationId(urn: string): string {
  return `ofsted:${urn.toUpperCase()}`;
}

export function buildCqcLocationId(cqcId: string): string {
  return `cqc:${cqcId}`;
}

/** Provider key from its registered name, or null when the name has nothing to slug. */
export function buildProviderId(regulator: Regulator, name: string): string | null {
  const slug = slugifyName(name);
  if (!slug) return null;
  return regulator === 'OFSTED' ? `ofsted-provider:${slug}` : `cqc-provider:${slug}`;
}

/**
 * Rebuilds every id derived from the location id: the inspection id, the ids of requirements,
 * findings, recommendations and enforcement items (numbered in document order), history
 * inspection ids, repeat-evidence links that pointed at the old location's inspections, and
 * enforcement items' links to requirements (which need the old ids to have been distinct).
 */
export function renumberDocumentIds(doc: ReportDocument): ReportDocument {
  const locationId = doc.location.id;
  const inspectionId = buildInspectionId(locationId, doc.inspection.startDate, doc.inspection.type);
  const history = doc.history.map((h) => ({
    ...h,
    inspectionId: buildInspectionId(locationId, h.date, h.type),
  }));
  const oldHistoryIds = new Map(
    doc.history.map((h, i) => [h.inspectionId, history[i]!.inspectionId]),
  );
  oldHistoryIds.set(doc.inspection.id, inspectionId);
  const requirementIds = doc.requirements.map((_, i) =>
    buildChildId(inspectionId, 'requirement', i + 1),
  );
  const oldRequirementIds = new Map(doc.requirements.map((r, i) => [r.id, requirementIds[i]!]));
  return {
    ...doc,
    inspection: { ...doc.inspection, id: inspectionId },
    history,
    requirements: doc.requirements.map((r, i) => ({ ...r, id: requirementIds[i]! })),
    recommendations: doc.recommendations.map((r, i) => ({
      ...r,
      id: buildChildId(inspectionId, 'recommendation', i + 1),
    })),
    enforcement: doc.enforcement.map((e, i) => ({
      ...e,
      id: buildChildId(inspectionId, 'enforcement', i + 1),
      requirementIds: e.requirementIds.map((id) => oldRequirementIds.get(id) ?? id),
    })),
    findings: doc.findings.map((f, i) => ({
      ...f,
      id: buildChildId(inspectionId, 'finding', i + 1),
      repeat:
        f.repeat && f.repeat.refersTo !== null
          ? { ...f.repeat, refersTo: oldHistoryIds.get(f.repeat.refersTo) ?? f.repeat.refersTo }
          : f.repeat,
    })),
  };
}
