/**
 * What each kind of data file is and how it is read, or why it is deliberately not loaded.
 */
import { unreachable } from '../../model/unreachable.ts';
import type { SourceFormat } from '../../model/document.ts';
import type { DataFileKind } from './detect.ts';
import {
  CQC_API_LOCATION_CSV_COLUMNS,
  mapCqcApiLocationCsvRow,
} from './mappers/cqc-api-locations-csv.ts';
import {
  mapCqcApiProviderRecord,
  mapCqcLocationListItem,
  mapCqcProviderListItem,
} from './mappers/cqc-api-providers.ts';
import { CQC_MARKET_COLUMNS, mapCqcMarketRow } from './mappers/cqc-asc-market.ts';
import { CQC_DIRECTORY_COLUMNS, mapCqcDirectoryRow } from './mappers/cqc-care-directory.ts';
import {
  mapOfstedLaIlacsRow,
  OFSTED_LA_ILACS_COLUMNS,
} from './mappers/ofsted-la-ilacs-judgements.ts';
import { mapOfstedLaLookupRow, OFSTED_LA_LOOKUP_COLUMNS } from './mappers/ofsted-la-lookup.ts';
import { mapOfstedOwnershipRow, OFSTED_OWNERSHIP_COLUMNS } from './mappers/ofsted-ownership.ts';
import {
  mapOfstedSocialCareRow,
  OFSTED_SOCIAL_CARE_COLUMNS,
} from './mappers/ofsted-social-care.ts';
import type { ReadProgress } from './read-progress.ts';
import {
  readCsvRows,
  readJsonLines,
  readListing,
  type CsvPlan,
  type SourceItem,
} from './row-sources.ts';

export type KindPlan =
  | {
      load: true;
      format: SourceFormat | 'jsonl';
      read: (file: string, fileName: string, progress?: ReadProgress) => AsyncGenerator<SourceItem>;
    }
  | { load: false; reason: string };

/** A table read by its columns and row mapper. */
function csvKind(plan: CsvPlan): KindPlan {
  return {
    load: true,
    format: 'csv',
    read: (file, _fileName, progress) => readCsvRows(file, plan, progress),
  };
}

/** Version of the row mappers; a Report node of a data file records it. */
export const DATASET_MAPPER_VERSION = '1';

export function planKind(kind: DataFileKind): KindPlan {
  switch (kind) {
    case 'ofsted-sc-providers':
    case 'ofsted-sc-inspections':
      return csvKind({ columns: OFSTED_SOCIAL_CARE_COLUMNS, map: mapOfstedSocialCareRow });
    case 'ofsted-ch-ownership':
      return csvKind({ columns: OFSTED_OWNERSHIP_COLUMNS, map: mapOfstedOwnershipRow });
    case 'cqc-care-directory':
      return csvKind({ columns: CQC_DIRECTORY_COLUMNS, map: mapCqcDirectoryRow });
    case 'cqc-asc-market':
      return csvKind({ columns: CQC_MARKET_COLUMNS, map: mapCqcMarketRow });
    case 'cqc-api-locations-csv':
      // Its mapper cites the file, so the plan is made per file.
      return {
        load: true,
        format: 'csv',
        read: (file, fileName, progress) =>
          readCsvRows(
            file,
            {
              columns: CQC_API_LOCATION_CSV_COLUMNS,
              mapRecord: (header, record) => mapCqcApiLocationCsvRow(header, record, fileName),
            },
            progress,
          ),
      };
    case 'cqc-api-provider-details':
      return {
        load: true,
        format: 'jsonl',
        read: (file, _fileName, progress) => readJsonLines(file, mapCqcApiProviderRecord, progress),
      };
    case 'cqc-api-provider-listing':
      return {
        load: true,
        format: 'json',
        read: (file, _fileName, progress) =>
          readListing(file, 'providers', mapCqcProviderListItem, progress),
      };
    case 'cqc-api-location-listing':
      return {
        load: true,
        format: 'json',
        read: (file, _fileName, progress) =>
          readListing(file, 'locations', mapCqcLocationListItem, progress),
      };
    case 'ofsted-la-urn-lookup':
      return csvKind({ columns: OFSTED_LA_LOOKUP_COLUMNS, map: mapOfstedLaLookupRow });
    case 'ofsted-ilacs-history':
      return {
        load: false,
        reason:
          'evaluation dataset (an independent extraction of the ILACS reports), not loaded into the graph: use npm run eval',
      };
    case 'ofsted-la-ilacs-judgements':
      return csvKind({ columns: OFSTED_LA_ILACS_COLUMNS, map: mapOfstedLaIlacsRow });
    case 'cqc-api-schema':
      return { load: false, reason: 'a JSON Schema of the CQC API, not data: nothing to load' };
    default:
      return unreachable(kind, 'data file kind');
  }
}
