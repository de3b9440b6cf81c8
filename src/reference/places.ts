/**
 * Places that line up: a location's region and local authority, whatever a source wrote
 * ("East", "Yorkshire & Humberside", "Bedford Borough", "london"), normalised to the ONS names
 * and codes of seed/reference/regions.json and local-authorities.json. The graph stores the
 * normalised value (what filters, groups and summaries use), its code and the source's own text.
 */
import { collapseWhitespace, normaliseQuotes } from '../model/text-forms.ts';
import { findLocalAuthority, findLocalAuthorityByCode } from './local-authority-names.ts';
import type { LocalAuthority } from './local-authorities.ts';
import { readRegions, type Region } from './regions.ts';

/** What a source wrote about a location's place. */
export interface PlaceText {
  region: string | null;
  localAuthority: string | null;
}

/** A location's place as the graph stores it. */
export interface NormalisedPlace {
  /** ONS region name, from the local authority when it is known, else from the region text; null when neither names one region. */
  region: string | null;
  /** ONS region code (`E12000006`), with `region`. */
  regionCode: string | null;
  /** The region as the source wrote it. */
  regionText: string | null;
  /** ONS name of the local authority when the catalogue knows it, else the source's text trimmed. */
  localAuthority: string | null;
  /** ONS code of the local authority (`E06000055`) when known. */
  localAuthorityCode: string | null;
  /** The local authority as the source wrote it. */
  localAuthorityText: string | null;
}

/** Lower case, one space, "&" as "and", an ADASS "(ADASS Region)" suffix and "region" dropped. */
function regionKey(text: string): string {
  return collapseWhitespace(
    normaliseQuotes(text)
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/\(adass region\)/g, ' ')
      .replace(/[^a-z0-9 ]/g, ' '),
  ).replace(/ region$/, '');
}

let regionIndex: ReadonlyMap<string, Region> | null = null;

function readRegionIndex(): ReadonlyMap<string, Region> {
  if (!regionIndex) {
    const map = new Map<string, Region>();
    for (const region of readRegions())
      for (const name of [region.name, region.code, region.dfeCode, ...region.aliases])
        map.set(regionKey(name), region);
    regionIndex = map;
  }
  return regionIndex;
}

/** The region a text names (ONS name or code, DfE code or a known alias; any case), or null. */
export function findRegion(text: string | null | undefined): Region | null {
  if (!text) return null;
  const key = regionKey(text);
  return key ? (readRegionIndex().get(key) ?? null) : null;
}

/** The region of an ONS region name as the local-authority catalogue writes it. */
function regionOfAuthority(la: LocalAuthority): Region | null {
  return findRegion(la.region);
}

/** The catalogue entry a text names: by ONS or DfE code, else by name or alias. */
export function findPlaceAuthority(text: string | null | undefined): LocalAuthority | null {
  if (!text || text.trim() === '') return null;
  return findLocalAuthorityByCode(text) ?? findLocalAuthority(text);
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = collapseWhitespace(text);
  return trimmed === '' ? null : trimmed;
}

export function normalisePlace(raw: PlaceText): NormalisedPlace {
  const regionText = clean(raw.region);
  const localAuthorityText = clean(raw.localAuthority);
  const la = findPlaceAuthority(localAuthorityText);
  // The authority decides the region when known: ONS regions are made of local authorities, and
  // Ofsted's "North East, Yorkshire and the Humber" names two.
  const region = (la ? regionOfAuthority(la) : null) ?? findRegion(regionText);
  return {
    region: region?.name ?? null,
    regionCode: region?.code ?? null,
    regionText,
    localAuthority: la ? la.onsName : localAuthorityText,
    localAuthorityCode: la?.onsCode ?? null,
    localAuthorityText,
  };
}

/**
 * A region filter's value as stored: the ONS name of the region it names (by name, code or
 * alias, any case), else the text as given (which then matches nothing normalised).
 */
export function resolveRegionFilter(text: string): string {
  return findRegion(text)?.name ?? text;
}

/** A local-authority filter's value as stored: the ONS name of the authority it names, else the text. */
export function resolveLocalAuthorityFilter(text: string): string {
  return findPlaceAuthority(text)?.onsName ?? text;
}
