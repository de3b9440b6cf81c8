/**
 * One location of the synthetic sector, drawn from its own seeded stream: where it is (most of
 * a provider's locations are in its home region, spread by child population), its ids and
 * name, and the mix of themes its reports dwell on.
 */
import { buildCqcLocationId, buildOfstedLocationId } from '../ingest/parsers/ids.ts';
import { CQC_SENTENCES } from './data/cqc-summary-sentences.ts';
import { LOCAL_AUTHORITIES, type LocalAuthority } from './data/local-authorities.ts';
import { OFSTED_SENTENCES } from './data/ofsted-narrative-sentences.ts';
import {
  CQC_LOCATION_KINDS,
  HOME_KINDS,
  NAME_ENDINGS,
  NAME_STEMS,
  SPECIALISMS,
  SYNTHETIC_MARK,
} from './data/synthetic-names.ts';
import type { ThemeId } from './data/themes.ts';
import type { Random, Weighted } from './random.ts';
import type { ProviderPlan } from './sector-plan.ts';

export interface LocationPlan {
  index: number;
  provider: ProviderPlan;
  /** `ofsted:SC8…` or `cqc:1-8…`. */
  id: string;
  urn: string | null;
  cqcId: string | null;
  name: string;
  /** CQC service type for the metadata; Ofsted reports print "Children's home" themselves. */
  type: string;
  localAuthority: LocalAuthority;
  /** Ofsted homes only. */
  capacity: number | null;
  specialism: string;
  /** How likely each theme is to be written about at this location (skewed per location). */
  themeWeights: readonly Weighted<ThemeId>[];
}

const BY_POPULATION = LOCAL_AUTHORITIES.map((la) => ({ value: la, weight: la.population }));

function drawLocalAuthority(random: Random, provider: ProviderPlan): LocalAuthority {
  const inHomeRegion = BY_POPULATION.filter((la) => la.value.region === provider.homeRegion);
  return random.pickWeighted(
    random.chance(0.75) && inHomeRegion.length > 0 ? inHomeRegion : BY_POPULATION,
  );
}

function drawThemeWeights(
  random: Random,
  themes: readonly ThemeId[],
  boosted: readonly ThemeId[],
): Weighted<ThemeId>[] {
  // Squaring a uniform draw skews the mix: each location has a few themes it is known for.
  return themes.map((theme) => ({
    value: theme,
    weight: 0.2 + random.next() ** 2 * 2 + (boosted.includes(theme) ? 1.5 : 0),
  }));
}

export function planLocation(random: Random, provider: ProviderPlan, index: number): LocationPlan {
  const localAuthority = drawLocalAuthority(random, provider);
  const stem = `${random.pick(NAME_STEMS)}${random.pick(NAME_ENDINGS)}`;
  if (provider.regulator === 'OFSTED') {
    const urn = `SC8${String(index + 1).padStart(5, '0')}`;
    // Capacity 1 is left out: the parser reads "care for up to <n> children" and a lone child is worded otherwise.
    const capacity = random.pickWeighted(
      [2, 3, 4, 5, 6, 8].map((value, i) => ({ value, weight: [3, 4, 4, 2, 1, 1][i]! })),
    );
    return {
      index,
      provider,
      id: buildOfstedLocationId(urn),
      urn,
      cqcId: null,
      name: `${stem} ${random.pick(HOME_KINDS)} ${SYNTHETIC_MARK}`,
      type: "Children's home",
      localAuthority,
      capacity,
      specialism: random.pick(SPECIALISMS),
      themeWeights: drawThemeWeights(random, Object.keys(OFSTED_SENTENCES) as ThemeId[], []),
    };
  }
  const cqcId = `1-8${String(index + 1).padStart(9, '0')}`;
  const kind = random.pick(CQC_LOCATION_KINDS);
  return {
    index,
    provider,
    id: buildCqcLocationId(cqcId),
    urn: null,
    cqcId,
    name: `${stem} ${kind.kind} ${SYNTHETIC_MARK}`,
    type: kind.type,
    localAuthority,
    capacity: null,
    specialism: '',
    themeWeights: drawThemeWeights(
      random,
      Object.keys(CQC_SENTENCES) as ThemeId[],
      provider.weakThemes,
    ),
  };
}
