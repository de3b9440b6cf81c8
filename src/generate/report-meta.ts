/**
 * `<file>.meta.json` beside each generated report: what the report itself does not print. A CQC
 * summary names neither location nor provider; an Ofsted report names no home, region or local
 * authority. Both go through the ingester's own metadata reader, as any user's would.
 */
import type { ReportMeta } from '../ingest/meta.ts';
import type { LocationPlan } from './location-plan.ts';

export function buildOfstedMeta(location: LocationPlan): ReportMeta {
  return {
    // Marks the report as generated in the data itself, so the graph flags what it writes.
    synthetic: true,
    location: {
      name: location.name,
      region: location.localAuthority.region,
      localAuthority: location.localAuthority.name,
    },
  };
}

export function buildCqcMeta(location: LocationPlan): ReportMeta {
  return {
    synthetic: true,
    location: {
      ...(location.cqcId ? { cqcId: location.cqcId } : {}),
      name: location.name,
      type: location.type,
      region: location.localAuthority.region,
      localAuthority: location.localAuthority.name,
    },
    provider: { id: location.provider.id, name: location.provider.name },
  };
}
