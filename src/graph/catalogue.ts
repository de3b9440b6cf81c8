/** The reference catalogue as stored: legislation, regulations and themes. */
import { defineQuery, read, type PlainRecord } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import { parseRow, type LegislationRow, type RegulationRow, type ThemeRow } from './rows.ts';

export const allLegislation = defineQuery<object, PlainRecord>({
  name: 'catalogue.legislation',
  cypher: 'MATCH (n:Legislation) RETURN properties(n) AS node ORDER BY n.id',
  parse: (row) => read.map(row, 'node'),
});

export const regulationsOf = defineQuery<{ legislation: string | null }, PlainRecord>({
  name: 'catalogue.regulations',
  cypher: `MATCH (n:Regulation)-[:PART_OF]->(leg:Legislation)
           WHERE $legislation IS NULL OR leg.id = $legislation
           RETURN properties(n) AS node ORDER BY leg.id, toIntegerOrNull(n.number), n.number`,
  parse: (row) => read.map(row, 'node'),
});

export const allThemes = defineQuery<object, PlainRecord>({
  name: 'catalogue.themes',
  cypher: 'MATCH (n:Theme) RETURN properties(n) AS node ORDER BY n.id',
  parse: (row) => read.map(row, 'node'),
});

export async function listLegislation(db: Database): Promise<LegislationRow[]> {
  return (await db.read(allLegislation, {})).map(parseRow.legislation);
}

export async function listRegulations(
  db: Database,
  legislation: string | null,
): Promise<RegulationRow[]> {
  return (await db.read(regulationsOf, { legislation })).map(parseRow.regulation);
}

export async function listThemes(db: Database): Promise<ThemeRow[]> {
  return (await db.read(allThemes, {})).map(parseRow.theme);
}
