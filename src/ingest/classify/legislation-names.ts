/**
 * Where a text names a piece of legislation ("the Children's Homes (England) Regulations 2015",
 * "HSCA RA Regulations 2014"), from the aliases in seed/reference/legislation.json.
 */
import type { LegislationId } from '../document.ts';
import { readLegislationCatalogue } from '../../reference/index.ts';

export interface LegislationName {
  legislation: LegislationId;
  start: number;
  end: number;
}

let compiled: { source: string; byAlias: Map<string, LegislationId> } | null = null;

function aliasKey(alias: string): string {
  return alias.toLowerCase().replace(/['’]/g, "'").replace(/\s+/g, ' ').trim();
}

function aliasSource(alias: string): string {
  return alias
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join(String.raw`\s+`);
}

/** One alternation of every alias, longest first so the 2014 Regulations win over the 2008 Act. */
function compileAliases(): { source: string; byAlias: Map<string, LegislationId> } {
  if (!compiled) {
    const byAlias = new Map<string, LegislationId>();
    for (const l of readLegislationCatalogue().legislation) {
      for (const alias of [l.title, l.title.replace(/^The /, ''), ...l.aliases]) byAlias.set(aliasKey(alias), l.id);
    }
    const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
    compiled = { source: `(?:${aliases.map(aliasSource).join('|')})`, byAlias };
  }
  return compiled;
}

/** The alternation source, for embedding in the citation pattern. */
export function legislationNameSource(): string {
  return compileAliases().source;
}

/** The legislation an alias as found in text stands for. */
export function legislationForName(found: string): LegislationId | null {
  return compileAliases().byAlias.get(aliasKey(found)) ?? null;
}

export function findLegislationNames(text: string): LegislationName[] {
  const { source } = compileAliases();
  const names: LegislationName[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu'))) {
    const legislation = legislationForName(m[0]);
    if (legislation) names.push({ legislation, start: m.index, end: m.index + m[0].length });
  }
  return names;
}
