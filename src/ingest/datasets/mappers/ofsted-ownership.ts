/**
 * Rows of the BuzzFeed News list of private children's homes and their owners: the owner is the
 * home's registered provider, keyed from its name exactly as the children's home report parser
 * keys "Registered provider:", so a report's provider and this owner are one node. A Companies
 * House number written after the name is read as the number; "owned by an individual" names no
 * organisation, so such a home gets no provider (rather than one "provider" of them all).
 */
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord } from '../../../model/data-record.ts';
import { normaliseCompaniesHouseNumber } from '../../../model/provider-identity.ts';
import type { TableRow } from '../table.ts';
import { buildOfstedLocationId, buildProviderId } from '../../parsers/ids.ts';

export const OFSTED_OWNERSHIP_COLUMNS = ['URN', 'Owner'] as const;

const URN = /^(?:SC)?\d{5,8}$/i;

/** BuzzFeed's wording for a home with no owning organisation: no provider, not one owner of them all. */
const NO_ORGANISATION = /^owned by an individual$/i;

/** "Priory Education Services Limited 06244880": the name, and the Companies House number after it. */
const TRAILING_NUMBER = /^(.*\S)\s+((?:[A-Z]{2})?\d{6,8})$/;

function readOwner(text: string): { name: string; companiesHouseNumber: string | null } | null {
  if (text === '' || NO_ORGANISATION.test(text)) return null;
  const numbered = TRAILING_NUMBER.exec(text);
  const number = numbered ? normaliseCompaniesHouseNumber(numbered[2]) : null;
  return number
    ? { name: numbered![1]!, companiesHouseNumber: number }
    : { name: text, companiesHouseNumber: null };
}

export function mapOfstedOwnershipRow(row: TableRow): MappedRow {
  const urn = row.get('URN');
  if (!URN.test(urn))
    return { ok: false, message: `URN "${urn.slice(0, 20)}" is not an Ofsted URN` };
  const ownerText = row.get('Owner');
  const owner = readOwner(ownerText);
  const providerId = owner ? buildProviderId('OFSTED', owner.name) : null;
  if (!providerId && !NO_ORGANISATION.test(ownerText))
    return { ok: false, message: `no owner named for URN ${urn}` };
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
  if (providerId && owner)
    record.providers.push({
      id: providerId,
      props: compactProps({ name: owner.name, companiesHouseNumber: owner.companiesHouseNumber }),
      runs: [locationId],
    });
  return { ok: true, record };
}
