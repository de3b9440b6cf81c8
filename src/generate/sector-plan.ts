/**
 * The shape of the synthetic sector: registered providers with skewed sizes (many run one or
 * two locations, a few run dozens), each with a home region, a quality that tilts its
 * locations' rating trajectories, and the regulations or themes it tends to fall short on.
 * Only providers are held in memory; each location is drawn from its own seeded stream when
 * the generator reaches it.
 */
import { buildProviderId } from '../ingest/parsers/ids.ts';
import { slugifyName } from '../ingest/text/slug.ts';
import { REGULATION_BREACHES } from './data/chr2015-requirements.ts';
import { CQC_SENTENCES } from './data/cqc-summary-sentences.ts';
import { ENGLISH_REGIONS, type EnglishRegion } from './data/local-authorities.ts';
import {
  FIRST_NAMES,
  NAME_ENDINGS,
  NAME_STEMS,
  PROVIDER_KINDS,
  SURNAMES,
  SYNTHETIC_MARK,
} from './data/synthetic-names.ts';
import type { ThemeId } from './data/themes.ts';
import type { CorpusOptions } from './options.ts';
import { Random } from './random.ts';

export type SyntheticRegulator = 'OFSTED' | 'CQC';

export interface ProviderPlan {
  index: number;
  regulator: SyntheticRegulator;
  /** Graph key as the parser or metadata will build it. */
  id: string;
  /** CQC provider id (`1-…`); null for Ofsted providers, which are keyed by name. */
  cqcId: string | null;
  name: string;
  address: string;
  homeRegion: EnglishRegion;
  /** -1 (poor) … 1 (strong): tilts every rating transition of its locations. */
  quality: number;
  /** Ofsted: regulation numbers this provider's homes breach more often. */
  weakRegulations: readonly string[];
  /** CQC: themes this provider's locations fall short on more often. */
  weakThemes: readonly ThemeId[];
  responsibleIndividual: string;
  /** Index of its first location; its locations are `firstLocation … firstLocation + size - 1`. */
  firstLocation: number;
  size: number;
}

/**
 * Zipf-like provider size: P(size ≥ k) = 1/k (half run one location, a tenth run ten or more),
 * capped so one provider cannot take the sector. Plain division keeps it engine-independent.
 */
function drawProviderSize(random: Random, remaining: number, cap: number): number {
  const size = Math.floor(1 / (1 - random.next()));
  return Math.max(1, Math.min(size, cap, remaining));
}

export function drawPersonName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}

function drawProviderName(random: Random, taken: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const base = `${random.pick(NAME_STEMS)}${random.pick(NAME_ENDINGS)} ${random.pick(PROVIDER_KINDS)}`;
    // After a few collisions a number keeps names unique without an endless loop.
    const name = attempt < 5 ? `${base} ${SYNTHETIC_MARK}` : `${base} ${attempt} ${SYNTHETIC_MARK}`;
    const key = slugifyName(name);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

/** Synthetic postcodes use the ZZ99 area, which no real address has. */
export function drawAddress(random: Random, town: string): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const unit = `${random.int(1, 9)}${letters[random.int(0, letters.length - 1)]}${letters[random.int(0, letters.length - 1)]}`;
  return `${random.int(1, 140)} ${random.pick(NAME_STEMS)} Road, ${town}, ZZ99 ${unit}`;
}

const OFSTED_REGULATION_NUMBERS = REGULATION_BREACHES.map((b) => b.number);
const CQC_THEMES = Object.keys(CQC_SENTENCES) as ThemeId[];

/** Every provider of the corpus, in location order: cheap to hold (a few hundred bytes each). */
export function planProviders(options: CorpusOptions): ProviderPlan[] {
  const random = Random.fromKey(`${options.seed}:providers`);
  const providers: ProviderPlan[] = [];
  const taken = new Set<string>();
  const cap = Math.max(3, Math.ceil(options.locations * 0.08));
  let next = 0;
  while (next < options.locations) {
    const index = providers.length;
    const regulator: SyntheticRegulator = random.chance(options.cqcShare) ? 'CQC' : 'OFSTED';
    const size = drawProviderSize(random, options.locations - next, cap);
    const name = drawProviderName(random, taken);
    const cqcId = regulator === 'CQC' ? `1-7${String(index + 1).padStart(9, '0')}` : null;
    const id = cqcId ? `cqc-provider:${cqcId}` : buildProviderId('OFSTED', name);
    if (!id) throw new Error(`provider name "${name}" gives no id`);
    const homeRegion = random.pick(ENGLISH_REGIONS);
    providers.push({
      index,
      regulator,
      id,
      cqcId,
      name,
      address: drawAddress(random, 'Synthetic Town'),
      homeRegion,
      quality: Math.max(-1, Math.min(1, (random.next() + random.next() - 1) * 1.4)),
      weakRegulations: random.sample(OFSTED_REGULATION_NUMBERS, 2),
      weakThemes: random.sample(CQC_THEMES, 2),
      responsibleIndividual: drawPersonName(random),
      firstLocation: next,
      size,
    });
    next += size;
  }
  return providers;
}
