/**
 * Rows of the Ofsted local-authority lookup: the LA's Ofsted URN (the key the LA report parsers
 * give it, `la:<URN>`), its names, codes and region. Only these identifying facts are loaded;
 * statistical neighbours and populations are analysis inputs, not facts about inspections.
 */
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';

export const OFSTED_LA_LOOKUP_COLUMNS = [
  'urn',
  'la_code',
  'local_authority_ons_name',
  'region_name',
] as const;

export function mapOfstedLaLookupRow(row: TableRow): MappedRow {
  const urn = row.get('urn');
  if (!/^\d{5,8}$/.test(urn))
    return { ok: false, message: `urn "${urn.slice(0, 20)}" is not an Ofsted URN` };
  const name = row.get('local_authority_ons_name');
  const record = emptyRecord(row.line);
  record.locations.push({
    id: `la:${urn}`,
    regulator: 'OFSTED',
    props: compactProps({
      urn,
      name,
      type: 'Local authority area',
      localAuthority: name,
      region: row.get('region_name'),
      laCode: row.get('la_code'),
      onsCode: row.get('la_code_new'),
    }),
  });
  return { ok: true, record };
}
