/**
 * The location, its provider and its registered people, from the top-level fields of a CQC API
 * location record.
 */
import type { LocationRef, Person, ProviderRef } from '../../../model/document.ts';
import { buildContentLocationId } from '../../text/hash.ts';
import { cleanInline } from '../../text/normalise.ts';
import { buildCqcLocationId } from '../ids.ts';
import type { WarningLog } from '../warnings.ts';
import {
  readField,
  readObjects,
  readText,
  readWholeNumber,
  type Json,
  type JsonObject,
} from './json-values.ts';
import type { PositionFinder } from './source-positions.ts';

/** CQC location and provider ids: `1-` and digits. */
const CQC_ID = /^1-\d{3,12}$/;

function readCqcId(
  record: JsonObject,
  key: string,
  positions: PositionFinder,
  warnings: WarningLog,
): string | null {
  const value = readText(record[key]);
  if (value === null) return null;
  if (CQC_ID.test(value)) return value;
  warnings.add(
    'unparsed-cqc-id',
    `${key} "${value.slice(0, 40)}" is not a CQC id`,
    positions.findKey(key),
  );
  return null;
}

function joinNames(items: readonly JsonObject[], key: string): string[] {
  return [
    ...new Set(
      items
        .map((item) => readText(item[key]))
        .filter((name): name is string => name !== null)
        .map(cleanInline),
    ),
  ];
}

/**
 * What the location is registered to do, in the record's own words, one labelled line each:
 * service types (with CQC's short names), specialisms, regulated activities, inspection
 * categories and registration status. The contract has no list field for services, and these are
 * descriptive text, so they go in `description`.
 */
export function describeServices(record: JsonObject): string | null {
  const services = readObjects(record['gacServiceTypes'])
    .map((s) => {
      const description = readText(s['description']);
      const name = readText(s['name']);
      return description && name && description !== name
        ? `${description} (${name})`
        : (description ?? name);
    })
    .filter((s): s is string => s !== null);
  const lines: string[] = [];
  const add = (label: string, values: readonly string[]): void => {
    if (values.length > 0) lines.push(`${label}: ${values.join('; ')}.`);
  };
  add('Services', [...new Set(services.map(cleanInline))]);
  add('Specialisms', joinNames(readObjects(record['specialisms']), 'name'));
  add('Regulated activities', joinNames(readObjects(record['regulatedActivities']), 'name'));
  add('Inspection categories', joinNames(readObjects(record['inspectionCategories']), 'name'));
  const status = readText(record['registrationStatus']);
  if (status) {
    const since = readText(record['registrationDate']);
    const until = readText(record['deregistrationDate']);
    lines.push(
      `Registration: ${status}${since ? `, registered ${since}` : ''}${until ? `, deregistered ${until}` : ''}.`,
    );
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

function readAddress(record: JsonObject): string | null {
  const parts = [
    'postalAddressLine1',
    'postalAddressLine2',
    'postalAddressTownCity',
    'postalAddressCounty',
    'postalCode',
  ]
    .map((key) => readText(record[key]))
    .filter((part): part is string => part !== null)
    .map(cleanInline);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * Beds are the only capacity a location record states. A location with no beds (a GP practice,
 * a dentist, home care) has no stated capacity, so 0 becomes null rather than "room for nobody".
 */
function readCapacity(record: JsonObject): number | null {
  const beds = readWholeNumber(record['numberOfBeds']);
  return beds !== null && beds > 0 ? beds : null;
}

export function readLocation(
  record: JsonObject,
  text: string,
  positions: PositionFinder,
  warnings: WarningLog,
): LocationRef {
  const cqcId = readCqcId(record, 'locationId', positions, warnings);
  if (!cqcId)
    warnings.add(
      'missing-location-id',
      'no CQC locationId; location keyed by a hash of the record',
      null,
    );
  const name = readText(record['name']);
  if (!name) warnings.add('missing-location-name', 'the record has no location name', null);
  return {
    id: cqcId ? buildCqcLocationId(cqcId) : buildContentLocationId(text),
    urn: null,
    cqcId,
    name: name ? cleanInline(name) : null,
    type: readText(record['type']),
    capacity: readCapacity(record),
    description: describeServices(record),
    region: readText(record['region']),
    localAuthority: readText(record['localAuthority']),
    address: readAddress(record),
  };
}

/**
 * The provider by its CQC id. A location record names its provider only by id (the name is in
 * the provider record), so the name stays null rather than borrowing the location's brand.
 */
export function readProvider(
  record: JsonObject,
  positions: PositionFinder,
  warnings: WarningLog,
): ProviderRef | null {
  const providerId = readCqcId(record, 'providerId', positions, warnings);
  if (!providerId) {
    warnings.add('missing-provider', 'the record gives no CQC providerId', null);
    return null;
  }
  return { id: `cqc-provider:${providerId}`, name: null, address: null };
}

function readPersonName(contact: JsonObject): string | null {
  const parts = ['personTitle', 'personGivenName', 'personFamilyName']
    .map((key) => readText(contact[key]))
    .filter((p): p is string => p !== null);
  return parts.length > 0 ? cleanInline(parts.join(' ')) : null;
}

/** Contacts of the regulated activities (registered managers and the like), each person once per role. */
export function readPeople(record: JsonObject): Person[] {
  const people: Person[] = [];
  const seen = new Set<string>();
  for (const activity of readObjects(record['regulatedActivities'])) {
    for (const contact of readObjects(activity['contacts'])) {
      const name = readPersonName(contact);
      if (!name) continue;
      const roles = readContactRoles(readField(contact, 'personRoles'));
      for (const role of roles.length > 0 ? roles : ['Contact']) {
        const key = `${role}\u0000${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        people.push({ role, name });
      }
    }
  }
  return people;
}

function readContactRoles(value: Json | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((role) => readText(role))
    .filter((role): role is string => role !== null)
    .map(cleanInline);
}
