import type { Citation } from '../../model/document.ts';

/** A citation found in a text, with where it is. */
export interface FoundCitation extends Citation {
  start: number;
  end: number;
}
