/**
 * What the report says the service is: "About the service" (a description, often with how many
 * people it can support) and "Service and service type" ("This service is a domiciliary care
 * agency.", "Pinglenook is a 'care home'.").
 */
import { readCount } from '../../text/numbers.ts';

const NUMBER = String.raw`(\d{1,4}|[a-z]+(?:-[a-z]+)?)`;
const PEOPLE = String.raw`(?:older |younger )?(?:people|persons|residents|service users|adults|children|young people|patients)`;

const CAPACITY: readonly RegExp[] = [
  new RegExp(String.raw`\bup to ${NUMBER} ${PEOPLE}\b`, 'i'),
  new RegExp(String.raw`\b(?:can|could) (?:support|accommodate) ${NUMBER} ${PEOPLE}\b`, 'i'),
  new RegExp(String.raw`\baccommodates? ${NUMBER} ${PEOPLE}\b`, 'i'),
  new RegExp(String.raw`\bregistered (?:to provide [^.]{0,80}? )?for ${NUMBER} ${PEOPLE}\b`, 'i'),
];

/**
 * How many people the service is registered or able to support, when the description states it.
 * "providing support to 23 people at the time of the inspection" is occupancy, not capacity,
 * and is not read.
 */
export function readCapacity(description: string): number | null {
  for (const pattern of CAPACITY) {
    const m = pattern.exec(description);
    const count = m ? readCount(m[1]!) : null;
    if (count !== null) return count;
  }
  return null;
}

/** "This service is a domiciliary care agency." → `domiciliary care agency`; null when not said. */
export function readServiceType(text: string): string | null {
  const m =
    /\bis an? '?([a-z][a-z' -]{3,60}?)'?\s*(?:\.|,| and | which | that | providing | operating )/i.exec(
      text,
    );
  return m ? m[1]!.replace(/'/g, '').trim() : null;
}
