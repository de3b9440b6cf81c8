/**
 * Where a text names a piece of legislation ("the Children's Homes (England) Regulations 2015",
 * "HSCA RA Regulations 2014"), from the aliases in seed/reference/legislation.json.
 */
import type { LegislationId } from '../../model/document.ts';
import { readLegislationCatalogue } from '../../reference/index.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';

export interface LegislationName {
  legislation: LegislationId;
  start: number;
  end: number;
}

interface CompiledAliases {
  source: string;
  /** `source` between word boundaries, for finding names on their own. */
  pattern: RegExp;
  byAlias: Map<string, LegislationId>;
  /**
   * Digits one of which every name found contains (every alias ends in its year), or null when
   * some alias has none. Digits fold to nothing else, so a text without any of them names no
   * legislation, and most finding texts are ruled out without running the alternation.
   */
  years: string[] | null;
}

let compiled: CompiledAliases | null = null;

function aliasKey(alias: string): string {
  return alias.toLowerCase().replace(/['’]/g, "'").replace(/\s+/g, ' ').trim();
}

function aliasSource(alias: string): string {
  return alias
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/'/g, "['’]"))
    .join(String.raw`\s+`);
}

/** One alternation of every alias, longest first so the 2014 Regulations win over the 2008 Act. */
function compileAliases(): CompiledAliases {
  if (!compiled) {
    const byAlias = new Map<string, LegislationId>();
    for (const l of readLegislationCatalogue().legislation) {
      for (const alias of [l.title, l.title.replace(/^The /, ''), ...l.aliases])
        byAlias.set(aliasKey(alias), l.id);
    }
    const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
    const source = `(?:${aliases.map(aliasSource).join('|')})`;
    const yearOf = (alias: string): string | null => /\d+(?!.*\d)/.exec(alias)?.[0] ?? null;
    const years = aliases.map(yearOf);
    compiled = {
      source,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu'),
      byAlias,
      years: years.every((year) => year !== null) ? [...new Set(years as string[])] : null,
    };
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
  const { pattern, years } = compileAliases();
  const names: LegislationName[] = [];
  if (years !== null && !years.some((year) => text.includes(year))) return names;
  // exec on the one compiled pattern: matchAll would clone it on every call.
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const legislation = legislationForName(m[0]);
    if (legislation) names.push({ legislation, start: m.index, end: m.index + m[0].length });
  }
  return names;
}
