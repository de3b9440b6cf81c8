/**
 * CQC API provider records (`/providers/{id}`, one per JSONL line) and the `/providers` and
 * `/locations` listing pages. A provider record names its Companies House number and the
 * locations it runs; the listings give only ids and names.
 */
import type { Json, JsonObject } from '../../parsers/cqc-api-location/json-values.ts';
import { isJsonObject, readText } from '../../parsers/cqc-api-location/json-values.ts';
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord, joinAddress } from '../../../model/data-record.ts';
import { normaliseCompaniesHouseNumber } from '../../../model/provider-identity.ts';
import { buildCqcLocationKey, buildCqcProviderKey, isCqcId } from './cqc-ids.ts';

function readAddress(record: JsonObject): string | null {
  return joinAddress(
    [
      'postalAddressLine1',
      'postalAddressLine2',
      'postalAddressTownCity',
      'postalAddressCounty',
      'postalCode',
    ].map((k) => readText(record[k])),
  );
}

export function mapCqcApiProviderRecord(value: Json, row: number): MappedRow {
  if (!isJsonObject(value)) return { ok: false, message: 'not a JSON object' };
  const providerId = readText(value['providerId']);
  if (!providerId || !isCqcId(providerId))
    return {
      ok: false,
      message: `providerId "${(providerId ?? '').slice(0, 20)}" is not a CQC id`,
    };
  const record = emptyRecord(row);
  const locationIds = Array.isArray(value['locationIds'])
    ? value['locationIds']
        .map((id) => readText(id))
        .filter((id): id is string => id !== null && isCqcId(id))
    : [];
  for (const id of locationIds)
    record.locations.push({ id: buildCqcLocationKey(id), regulator: 'CQC', props: { cqcId: id } });
  record.providers.push({
    id: buildCqcProviderKey(providerId),
    props: compactProps({
      name: readText(value['name']),
      address: readAddress(value),
      companiesHouseNumber: normaliseCompaniesHouseNumber(readText(value['companiesHouseNumber'])),
      charityNumber: readText(value['charityNumber']),
      ownershipType: readText(value['ownershipType']),
      registrationStatus: readText(value['registrationStatus']),
    }),
    runs: locationIds.map(buildCqcLocationKey),
  });
  return { ok: true, record };
}

export function mapCqcProviderListItem(value: Json, row: number): MappedRow {
  if (!isJsonObject(value)) return { ok: false, message: 'not a JSON object' };
  const providerId = readText(value['providerId']);
  if (!providerId || !isCqcId(providerId))
    return {
      ok: false,
      message: `providerId "${(providerId ?? '').slice(0, 20)}" is not a CQC id`,
    };
  const record = emptyRecord(row);
  record.providers.push({
    id: buildCqcProviderKey(providerId),
    props: compactProps({ name: readText(value['providerName']) }),
    runs: [],
  });
  return { ok: true, record };
}

export function mapCqcLocationListItem(value: Json, row: number): MappedRow {
  if (!isJsonObject(value)) return { ok: false, message: 'not a JSON object' };
  const locationId = readText(value['locationId']);
  if (!locationId || !isCqcId(locationId))
    return {
      ok: false,
      message: `locationId "${(locationId ?? '').slice(0, 20)}" is not a CQC id`,
    };
  const record = emptyRecord(row);
  record.locations.push({
    id: buildCqcLocationKey(locationId),
    regulator: 'CQC',
    props: compactProps({
      cqcId: locationId,
      name: readText(value['locationName']),
      postcode: readText(value['postalCode']),
    }),
  });
  return { ok: true, record };
}
