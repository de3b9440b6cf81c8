/**
 * Rows of the CQC adult social care locations file with market characteristics: a location, its
 * provider with the provider's Companies House number, and the latest ratings.
 *
 * The ratings carry a publication date but no visit date, and the CQC parsers date an inspection
 * by its first visit, so an Inspection keyed by the publication date would be a second node for
 * the same inspection. The latest ratings are therefore kept on the Location (`latestRating*`),
 * not as an Inspection. The export's "Publication Date" is not the ratings' date: in every row of
 * the corpus file it equals "Location HSCA start date" (registration), so it is read as nothing
 * more than that: `registeredOn`.
 */
import type { MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord } from '../../../model/data-record.ts';
import type { TableRow } from '../table.ts';
import { formatIsoDate } from '../../text/dates.ts';
import { normaliseCompaniesHouseNumber } from '../../../model/provider-identity.ts';
import { buildCqcLocationKey, buildCqcProviderKey, isCqcId, splitList } from './cqc-ids.ts';

export const CQC_MARKET_COLUMNS = [
  'Location ID',
  'Location Name',
  'Provider ID',
  'Provider Name',
  'Provider Companies House Number',
] as const;

const KEY_QUESTIONS = [
  ['Location safe rating', 'latestSafeRating'],
  ['Location effective rating', 'latestEffectiveRating'],
  ['Location caring rating', 'latestCaringRating'],
  ['Location responsive rating', 'latestResponsiveRating'],
  ['Location well-led rating', 'latestWellLedRating'],
] as const;

/** "2025-01-02", or "1/17/2011 12:00:00 AM" (month first, as this export writes its other dates) → ISO date. */
export function readMarketDate(text: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s|$)/.exec(text);
  if (us) return formatIsoDate(Number(us[3]), Number(us[1]), Number(us[2]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? formatIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

function readBeds(text: string): number | null {
  return /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export function mapCqcMarketRow(row: TableRow): MappedRow {
  const locationId = row.get('Location ID');
  const providerId = row.get('Provider ID');
  if (!isCqcId(locationId))
    return { ok: false, message: `location id "${locationId.slice(0, 20)}" is not a CQC id` };
  if (!isCqcId(providerId))
    return { ok: false, message: `provider id "${providerId.slice(0, 20)}" is not a CQC id` };
  const record = emptyRecord(row.line);
  const locationKey = buildCqcLocationKey(locationId);
  const rating = row.get('Location Latest Overall Rating');
  const ratings: Record<string, string> = {};
  for (const [column, key] of KEY_QUESTIONS) ratings[key] = row.get(column);
  record.locations.push({
    id: locationKey,
    regulator: 'CQC',
    props: compactProps({
      cqcId: locationId,
      name: row.get('Location Name'),
      localAuthority: row.get('Location Local Authority'),
      capacity: readBeds(row.get('Care homes beds')),
      serviceTypes: splitList(row.get('Service Types')),
      registeredManager: row.get('Registered manager'),
      latestRating: rating,
      registeredOn: readMarketDate(row.get('Location HSCA start date')),
      ...(rating ? ratings : {}),
    }),
  });
  const providerName = row.get('Provider Name');
  record.providers.push({
    id: buildCqcProviderKey(providerId),
    props: compactProps({
      name: providerName,
      companiesHouseNumber: normaliseCompaniesHouseNumber(
        row.get('Provider Companies House Number'),
      ),
      ownershipType: row.get('Provider Ownership Type'),
    }),
    runs: [locationKey],
  });
  return { ok: true, record };
}
