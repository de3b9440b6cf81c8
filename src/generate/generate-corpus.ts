/**
 * Generates a synthetic corpus location by location, handing each report, its metadata and its
 * ground-truth line to a sink as soon as it is written: nothing of the corpus is kept, so 3,000
 * locations over ten years take the memory of one. Every location has its own seeded streams,
 * so output is byte-identical for a seed.
 */
import type { ReportMeta } from '../ingest/meta.ts';
import { formatIso } from './calendar.ts';
import { buildCqcTruth, buildOfstedTruth, type GroundTruthRecord } from './ground-truth.ts';
import { buildWindow } from './inspection-schedule.ts';
import { planLocation, type LocationPlan } from './location-plan.ts';
import type { CorpusOptions } from './options.ts';
import { Random } from './random.ts';
import { renderCqcFullReport } from './render-cqc-full-report.ts';
import { renderCqcSummary } from './render-cqc-summary.ts';
import { renderOfstedReport } from './render-ofsted-report.ts';
import { buildCqcMeta, buildOfstedMeta } from './report-meta.ts';
import { planProviders } from './sector-plan.ts';
import { simulateCqcLocation } from './simulate-cqc-location.ts';
import { simulateOfstedHome } from './simulate-ofsted-home.ts';

export interface GeneratedReport {
  /** Path relative to the corpus folder, e.g. `reports/ofsted/SC800001-2019-02-05.txt`. */
  file: string;
  text: string;
  meta: ReportMeta;
  truth: GroundTruthRecord;
}

export interface CorpusSink {
  write(report: GeneratedReport): void;
}

export interface CorpusProgress {
  locationsDone: number;
  locations: number;
  reports: number;
}

export interface KindTally {
  reports: number;
  findings: number;
}

export interface CorpusStats {
  providers: number;
  locations: number;
  reports: number;
  findings: number;
  /** By report family and inspection type, e.g. `ofsted-childrens-home/interim`, in first-seen order. */
  kinds: Map<string, KindTally>;
}

function countReport(stats: CorpusStats, report: GeneratedReport): void {
  const key = `${report.truth.family}/${report.truth.type}`;
  const tally = stats.kinds.get(key) ?? { reports: 0, findings: 0 };
  tally.reports += 1;
  tally.findings += report.truth.findings.length;
  stats.kinds.set(key, tally);
  stats.reports += 1;
  stats.findings += report.truth.findings.length;
}

function* generateLocationReports(
  options: CorpusOptions,
  location: LocationPlan,
  index: number,
): Generator<GeneratedReport> {
  const window = buildWindow(options.startYear, options.years);
  const planRandom = Random.fromKey(`${options.seed}:plan:${index}`);
  // Rendering draws from its own stream, so a change in layout never changes what is inspected.
  const renderRandom = Random.fromKey(`${options.seed}:render:${index}`);
  if (location.provider.regulator === 'OFSTED') {
    for (const plan of simulateOfstedHome(planRandom, location, window)) {
      const file = `reports/ofsted/${location.urn}-${formatIso(plan.dates.start)}.txt`;
      yield {
        file,
        text: renderOfstedReport(renderRandom, plan),
        meta: buildOfstedMeta(location),
        truth: buildOfstedTruth(file, plan),
      };
    }
    return;
  }
  for (const plan of simulateCqcLocation(planRandom, location, window)) {
    const file = `reports/cqc/${location.cqcId}-${formatIso(plan.dates.start)}.txt`;
    const text = plan.full ? renderCqcFullReport(renderRandom, plan) : renderCqcSummary(plan);
    yield { file, text, meta: buildCqcMeta(location), truth: buildCqcTruth(file, plan) };
  }
}

export function generateCorpus(
  options: CorpusOptions,
  sink: CorpusSink,
  onProgress?: (progress: CorpusProgress) => void,
): CorpusStats {
  const providers = planProviders(options);
  const stats: CorpusStats = {
    providers: providers.length,
    locations: 0,
    reports: 0,
    findings: 0,
    kinds: new Map(),
  };
  for (const provider of providers) {
    for (
      let index = provider.firstLocation;
      index < provider.firstLocation + provider.size;
      index += 1
    ) {
      const location = planLocation(
        Random.fromKey(`${options.seed}:location:${index}`),
        provider,
        index,
      );
      for (const report of generateLocationReports(options, location, index)) {
        sink.write(report);
        countReport(stats, report);
      }
      stats.locations += 1;
      onProgress?.({
        locationsDone: stats.locations,
        locations: options.locations,
        reports: stats.reports,
      });
    }
  }
  return stats;
}
