/**
 * Rows of the CQC care directory export. A row with a location id is a location (keyed
 * `cqc:<id>` like a CQC report) run by the provider in the same row; a row without one is the
 * provider's own entry (service type "Organisation", "Partnership", "Individual") and gives its
 * address.
 */
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord, joinAddress } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';
import { buildCqcLocationKey, buildCqcProviderKey, isCqcId, splitList } from './cqc-ids.ts';

export const CQC_DIRECTORY_COLUMNS = [
  'Name',
  'CQC Provider ID (for office use only)',
  'CQC Location ID (for office use only)',
  'Provider name',
] as const;

export function mapCqcDirectoryRow(row: TableRow): MappedRow {
  const providerId = row.get('CQC Provider ID (for office use only)');
  const locationId = row.get('CQC Location ID (for office use only)');
  if (!isCqcId(providerId))
    return { ok: false, message: `provider id "${providerId.slice(0, 20)}" is not a CQC id` };
  if (locationId !== '' && !isCqcId(locationId))
    return { ok: false, message: `location id "${locationId.slice(0, 20)}" is not a CQC id` };
  const record = emptyRecord(row.line);
  const address = joinAddress([
    row.get('Address 1'),
    row.get('Address 2'),
    row.get('Town/City'),
    row.get('County'),
    row.get('Postcode'),
  ]);
  const providerKey = buildCqcProviderKey(providerId);
  if (locationId === '') {
    record.providers.push({
      id: providerKey,
      props: compactProps({ name: row.get('Provider name') || row.get('Name'), address }),
      runs: [],
    });
    return { ok: true, record };
  }
  const locationKey = buildCqcLocationKey(locationId);
  record.locations.push({
    id: locationKey,
    regulator: 'CQC',
    props: compactProps({
      cqcId: locationId,
      name: row.get('Name'),
      address,
      postcode: row.get('Postcode'),
      localAuthority: row.get('Local authority'),
      region: row.get('Region'),
      serviceTypes: splitList(row.get('Service types')),
      specialisms: splitList(row.get('Specialisms/services')),
    }),
  });
  record.providers.push({
    id: providerKey,
    props: compactProps({ name: row.get('Provider name') }),
    runs: [locationKey],
  });
  return { ok: true, record };
}
