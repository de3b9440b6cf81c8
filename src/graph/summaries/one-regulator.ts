/**
 * The exact queries' regulator filter keeps an inspection with a BY link to that regulator. A
 * summary cell or pair can stand for that filter only when each of its inspections has exactly
 * one regulator, so the builds record that regulator, or MIXED_REGULATORS when an inspection has
 * none or several, and a regulator-filtered read of a summary holding any such entry is treated
 * as stale (the exact query answers).
 */

export const MIXED_REGULATORS = '*';

/** Cypher for the one regulator code of inspection `inspection`, or MIXED_REGULATORS. */
export function oneRegulatorOf(inspection: string): string {
  return `CASE WHEN COUNT { (${inspection})-[:BY]->() } = 1
                THEN head(COLLECT { MATCH (${inspection})-[:BY]->(r:Regulator) RETURN r.code })
                ELSE '${MIXED_REGULATORS}' END`;
}

/**
 * Cypher turning `fresh` false for a regulator-filtered read when some `label` node holds
 * MIXED_REGULATORS; `param` is the regulator filter's parameter.
 */
export function freshForRegulator(label: string, param = '$regulator'): string {
  return `WITH fresh AND (${param} IS NULL OR NOT EXISTS { MATCH (:${label} {regulator: '${MIXED_REGULATORS}'}) }) AS fresh`;
}
