/**
 * seed/reference/legislation.json: Legislation and Regulation nodes. Read once, validated, cached.
 */
import { readReferenceOnce } from './read-once.ts';
import type { LegislationId, RegulationRef } from '../model/document.ts';
import { LEGISLATION_IDS } from './legislation-ids.ts';
import type {
  HeadingStatus,
  Legislation,
  LegislationCatalogue,
  LegislationKind,
  Regulation,
} from './types.ts';
import {
  child,
  expectArray,
  expectInteger,
  expectNullableString,
  expectObject,
  expectOneOf,
  expectString,
  expectStringArray,
  expectUnique,
  fail,
  type Place,
} from './validate.ts';

const FILE = 'seed/reference/legislation.json';
const HEADING_STATUSES: readonly HeadingStatus[] = [
  'confirmed',
  'confirmed-secondary',
  'taken-from-text',
  'unconfirmed',
];
const KINDS: readonly LegislationKind[] = ['act', 'regulations'];

let byId: Map<string, Regulation> | null = null;

export const readLegislationCatalogue: () => LegislationCatalogue = readReferenceOnce(
  'legislation.json',
  (value, place) => parseLegislationCatalogue(value, place),
);

/** Validates catalogue JSON; exported so tests can check what a bad file does. */
export function parseLegislationCatalogue(value: unknown, place: Place): LegislationCatalogue {
  const root = expectObject(value, place);
  const legislation = expectArray(root['legislation'], child(place, 'legislation')).map((item, i) =>
    parseLegislation(item, child(place, 'legislation', undefined), i),
  );
  expectUnique(
    legislation.map((l) => l.id),
    child(place, 'legislation'),
    'legislation id',
  );
  const known = new Set<string>(legislation.map((l) => l.id));
  const regulations = expectArray(root['regulations'], child(place, 'regulations')).map((item, i) =>
    parseRegulation(item, child(place, 'regulations'), i, known),
  );
  expectUnique(
    regulations.map((r) => r.id),
    child(place, 'regulations'),
    'regulation id',
  );
  return { legislation: Object.freeze(legislation), regulations: Object.freeze(regulations) };
}

function parseLegislation(value: unknown, list: Place, index: number): Legislation {
  const raw = expectObject(value, child(list, index));
  const id = expectOneOf(raw['id'], LEGISLATION_IDS, child(child(list, index), 'id'));
  const at = child(list, index, id);
  return {
    id,
    title: expectString(raw['title'], child(at, 'title')),
    shortTitle: expectString(raw['shortTitle'], child(at, 'shortTitle')),
    year: expectInteger(raw['year'], child(at, 'year')),
    kind: expectOneOf(raw['kind'], KINDS, child(at, 'kind')),
    url: expectString(raw['url'], child(at, 'url')),
    aliases: expectStringArray(raw['aliases'] ?? [], child(at, 'aliases')),
    sources: expectStringArray(raw['sources'] ?? [], child(at, 'sources')),
  };
}

function parseRegulation(
  value: unknown,
  list: Place,
  index: number,
  knownLegislation: ReadonlySet<string>,
): Regulation {
  const raw = expectObject(value, child(list, index));
  const id = expectString(raw['id'], child(child(list, index), 'id'));
  const at = child(list, index, id);
  const legislation = expectOneOf(raw['legislation'], LEGISLATION_IDS, child(at, 'legislation'));
  if (!knownLegislation.has(legislation))
    fail(at, `legislation ${legislation} is not in the legislation list`);
  const number = expectString(raw['number'], child(at, 'number'));
  if (id !== `${legislation}:${number}`) fail(at, `id must be ${legislation}:${number}`);
  const heading = expectNullableString(raw['heading'], child(at, 'heading'));
  const status = expectOneOf(raw['status'], HEADING_STATUSES, child(at, 'status'));
  // An unconfirmed heading is a guess, and guesses are not stored; a known heading needs a status that says where it came from.
  if (heading === null && status !== 'unconfirmed') fail(at, `status ${status} needs a heading`);
  if (heading !== null && status === 'unconfirmed') fail(at, 'an unconfirmed heading must be null');
  return {
    id,
    legislation,
    number,
    heading,
    status,
    sources: expectStringArray(raw['sources'], child(at, 'sources')),
    part: expectNullableString(raw['part'], child(at, 'part')),
    subject: expectNullableString(raw['subject'], child(at, 'subject')),
    note: expectNullableString(raw['note'], child(at, 'note')),
  };
}

/** Number as printed → catalogue form: `20a` → `20A`, surrounding spaces dropped. */
export function normaliseRegulationNumber(number: string): string {
  return number.trim().toUpperCase();
}

/** The regulation (or section) `number` of `legislation`, or null when the catalogue lacks it. */
export function findRegulation(legislation: LegislationId, number: string): Regulation | null {
  if (!byId) byId = new Map(readLegislationCatalogue().regulations.map((r) => [r.id, r]));
  return byId.get(`${legislation}:${normaliseRegulationNumber(number)}`) ?? null;
}

export function findLegislation(id: LegislationId): Legislation {
  const found = readLegislationCatalogue().legislation.find((l) => l.id === id);
  if (!found) throw new Error(`${FILE}: no legislation ${id}`);
  return found;
}

/** The document-contract reference to a catalogue regulation. */
export function toRegulationRef(regulation: Regulation): RegulationRef {
  return {
    legislation: regulation.legislation,
    number: regulation.number,
    title: regulation.heading,
  };
}
