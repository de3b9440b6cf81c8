/** What a synthetic corpus is made from: its size, time span and seed. */
export interface CorpusOptions {
  locations: number;
  years: number;
  /** Any text; the same seed gives byte-identical output. */
  seed: string;
  /** First calendar year inspected. */
  startYear: number;
  /** Share of providers regulated by the CQC, so roughly of locations (the rest run Ofsted children's homes). */
  cqcShare: number;
}

export const DEFAULT_CORPUS_OPTIONS: CorpusOptions = {
  locations: 50,
  years: 5,
  seed: '1',
  startYear: 2016,
  cqcShare: 0.4,
};

/** Why the options cannot make a corpus, or null when they can. */
export function checkCorpusOptions(options: CorpusOptions): string | null {
  if (!Number.isInteger(options.locations) || options.locations < 1 || options.locations > 99_999) {
    return '--locations must be a whole number from 1 to 99999';
  }
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 30)
    return '--years must be a whole number from 1 to 30';
  if (
    !Number.isInteger(options.startYear) ||
    options.startYear < 2015 ||
    options.startYear > 2100
  ) {
    // The Children's Homes (England) Regulations 2015 are what the Ofsted requirements cite.
    return '--start-year must be a year from 2015';
  }
  if (!(options.cqcShare >= 0 && options.cqcShare <= 1))
    return '--cqc-share must be between 0 and 1';
  if (options.seed === '') return '--seed must not be empty';
  return null;
}
