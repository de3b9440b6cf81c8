/**
 * Rows of the BuzzFeed News list of private children's homes and their owners: the owner is the
 * home's registered provider, keyed from its name exactly as the children's home report parser
 * keys "Registered provider:", so a report's provider and this owner are one node.
 */
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';
import { buildOfstedLocationId, buildProviderId } from '../../parsers/ids.ts';

export const OFSTED_OWNERSHIP_COLUMNS = ['URN', 'Owner'] as const;

const URN = /^(?:SC)?\d{5,8}$/i;

export function mapOfstedOwnershipRow(row: TableRow): MappedRow {
  const urn = row.get('URN');
  if (!URN.test(urn))
    return { ok: false, message: `URN "${urn.slice(0, 20)}" is not an Ofsted URN` };
  const owner = row.get('Owner');
  const providerId = owner ? buildProviderId('OFSTED', owner) : null;
  if (!providerId) return { ok: false, message: `no owner named for URN ${urn}` };
  const record = emptyRecord(row.line);
  const locationId = buildOfstedLocationId(urn);
  record.locations.push({
    id: locationId,
    regulator: 'OFSTED',
    props: compactProps({
      urn: urn.toUpperCase(),
      type: row.get('Provision type'),
      registrationStatus: row.get('Registration Status'),
      sector: row.get('Sector'),
    }),
  });
  record.providers.push({
    id: providerId,
    props: compactProps({ name: owner }),
    runs: [locationId],
  });
  return { ok: true, record };
}
