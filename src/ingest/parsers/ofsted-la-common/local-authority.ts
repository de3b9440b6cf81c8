import { readLocalAuthorities, type LocalAuthority } from '../../../reference/local-authorities.ts';
import type { LocationRef, ProviderRef, SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { collapseWhitespace, normaliseQuotes } from '../../text/normalise.ts';
import { cleanLine } from './clean-line.ts';
import {
  findLocalAuthority,
  normaliseAuthorityName,
} from '../../../reference/local-authority-names.ts';

export { findLocalAuthority, normaliseAuthorityName };

/**
 * From the name a report gives a local authority ("London Borough of Redbridge", "Bedford
 * Borough Local Area Partnership", "Kingston-upon-Thames", "St. Helens Metropolitan Borough
 * Council") to its entry in seed/reference/local-authorities.json.
 */

export function buildLaLocationId(urn: string): string {
  return `la:${urn}`;
}

export function buildLaProviderId(urn: string): string {
  return `local-authority:${urn}`;
}

let textKeys: ReadonlyArray<readonly [string, LocalAuthority]> | null = null;

/** Catalogue names and aliases in running-text form (council words kept: "city of london"), longest first. */
function readTextKeys(): ReadonlyArray<readonly [string, LocalAuthority]> {
  if (!textKeys) {
    textKeys = readLocalAuthorities()
      .flatMap((la) =>
        [la.name, ...la.aliases].map((name) => [normaliseRunningText(name), la] as const),
      )
      .filter(([key]) => key !== '')
      .sort((a, b) => b[0].length - a[0].length);
  }
  return textKeys;
}

/**
 * The catalogue name that occurs first in some text as whole words; at one place the longest
 * name wins, so "North Somerset" is not read as "Somerset". A fallback for titles the patterns
 * do not fit.
 */
export function findLocalAuthorityInText(text: string): LocalAuthority | null {
  const haystack = ` ${normaliseRunningText(text)} `;
  let best: { la: LocalAuthority; at: number } | null = null;
  for (const [key, la] of readTextKeys()) {
    const at = haystack.indexOf(` ${key} `);
    if (at !== -1 && (!best || at < best.at)) best = { la, at };
  }
  return best?.la ?? null;
}

/** Text in the form names are compared in, without stripping council words. */
function normaliseRunningText(text: string): string {
  return collapseWhitespace(
    normaliseQuotes(text)
      .toLowerCase()
      // A possessive names the LA as well: "Durham's children's services".
      .replace(/'s\b/g, '')
      .replace(/&/g, ' and ')
      .replace(/[-.]/g, ' ')
      .replace(/[^a-z0-9' ]/g, ' '),
  );
}

/** A council's formal name as printed: "Norfolk County Council", "London Borough of Redbridge". */
const COUNCIL_NAME =
  /\b(?:(?:The )?(?:London Borough|Royal Borough|Metropolitan Borough|City and County|City|County|Council) of (?:the )?[A-Z][\w'-]*(?:[ -](?:and|upon|on|with|in|of|le|[A-Z][\w'.-]*))*(?: Council)?|[A-Z][\w'.-]*(?:[ -](?:and|upon|on|with|in|of|le|[A-Z][\w'.-]*))*? (?:Metropolitan Borough Council|Metropolitan District Council|Metropolitan Council|County Borough Council|County Council|City Council|Borough Council|District Council|Council))\b/g;

/**
 * The council's own name as the report prints it, checked to be the same LA: the first formal
 * name in the text that resolves to `la` (a report mentions neighbours and partners too).
 */
export function findCouncilName(lines: readonly SourceLine[], la: LocalAuthority): string | null {
  // Pairs of lines, so a name wrapped in a title ("London Borough of Hammersmith and" / "Fulham") is whole.
  for (let i = 0; i < lines.length; i += 1) {
    const text = `${cleanLine(lines[i]!)} ${lines[i + 1] ? cleanLine(lines[i + 1]!) : ''}`.trim();
    for (const match of text.matchAll(COUNCIL_NAME)) {
      const name = match[0].replace(/^The /, '');
      if (/^(?:Council|County Council|City Council)$/.test(name)) continue;
      if (findLocalAuthority(name)?.urn === la.urn) return name;
    }
  }
  return null;
}

export interface LaIdentity {
  authority: LocalAuthority | null;
  /** The name as printed where the report names the LA, for messages. */
  printedName: string | null;
  position: SourcePosition | null;
}

/** Location of an LA's area: the catalogue's name, region and URN. */
export function buildLaLocation(la: LocalAuthority): LocationRef {
  return {
    id: buildLaLocationId(la.urn),
    urn: la.urn,
    cqcId: null,
    name: la.name,
    type: 'Local authority area',
    capacity: null,
    description: null,
    region: la.region,
    localAuthority: la.name,
  };
}

/** The LA as Provider; its name as printed in the report when it gives one, else the area's name. */
export function buildLaProvider(la: LocalAuthority, councilName: string | null): ProviderRef {
  return { id: buildLaProviderId(la.urn), name: councilName ?? la.name, address: null };
}
