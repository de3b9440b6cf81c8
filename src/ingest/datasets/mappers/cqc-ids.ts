/** CQC location and provider ids (`1-` and digits) and the keys the CQC parsers give them. */
import { buildCqcLocationId } from '../../parsers/ids.ts';

/**
 * `1-` and digits for most; NHS trusts and their sites keep their ODS code as CQC id ("RX6",
 * "RX3LD", "5J501"), which the data files use too.
 */
const CQC_ID = /^(?:1-\d{3,12}|(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,6})$/;

export function isCqcId(text: string): boolean {
  return CQC_ID.test(text);
}

export function buildCqcLocationKey(cqcId: string): string {
  return buildCqcLocationId(cqcId);
}

/** As the CQC API and full-report parsers key a provider they know by id. */
export function buildCqcProviderKey(providerId: string): string {
  return `cqc-provider:${providerId}`;
}

/** "Doctors/GPs,Doctors/GPs" or "Domiciliary care service, Supported living service" → distinct names. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.replace(/\s+/g, ' ').trim())
        .filter((s) => s !== ''),
    ),
  ];
}
