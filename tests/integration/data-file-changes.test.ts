/**
 * Data-file rows in the change feed (issue 19): a row that creates or changes a location, provider
 * or inspection stamps a change, caused by the data file's Report, like a report's load. The
 * expected changes come from the file's own rows, read here with a small CSV splitter (URN,
 * event type and inspection date make the ids), and from the graph's entities before and after.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/app/prepare-graph.ts';
import { readChanges, type ChangeRow } from '../../src/graph/changes/read-changes.ts';
import { ingestDataFile } from '../../src/load/ingest-data-file.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import type { Database } from '../../src/db/executor.ts';
import { entityKeys } from '../support/change-feed.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const FIXTURES = 'tests/fixtures/corpus/datasets';
const INSPECTIONS = path.join(FIXTURES, 'ofsted_sc_inspections_in_year_2017-18_slice.csv');
const PROVIDERS = path.join(FIXTURES, 'ofsted_sc_providers_as_at_2018-03-31_slice.csv');

/** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...cells, cell];
}

/** The file's data rows as cells by column name (its second line names them). */
function readRows(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const names = splitCsvLine(lines[1]!);
  return lines.slice(2).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** `ofsted:<URN>:<yyyy-mm-dd>:<full|interim>`, as the Ofsted report loader names an inspection. */
function inspectionIdOf(row: Record<string, string>): string {
  const [day, month, year] = row['Inspection date']!.split('/');
  const type = row['Event type']!.split(' ')[0]!.toLowerCase();
  return `ofsted:${row.URN}:${year}-${month}-${day}:${type}`;
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every entity the feed follows, as `TYPE id`, with its properties as stable text. */
const readEntityProperties = defineQuery<object, { key: string; props: Record<string, unknown> }>({
  name: 'test.feed-entity-properties',
  cypher: `
    MATCH (n) WHERE n:Inspection OR n:Finding OR n:Requirement OR n:EnforcementAction OR n:Location OR n:Provider
    RETURN CASE WHEN n:Inspection THEN 'INSPECTION' WHEN n:Finding THEN 'FINDING'
      WHEN n:Requirement THEN 'REQUIREMENT' WHEN n:EnforcementAction THEN 'ENFORCEMENT'
      WHEN n:Location THEN 'LOCATION' ELSE 'PROVIDER' END + ' ' + n.id AS key, properties(n) AS props`,
  parse: (row) => ({ key: read.string(row, 'key'), props: read.map(row, 'props') }),
});

async function entityProperties(db: Database): Promise<Map<string, string>> {
  const rows = await db.read(readEntityProperties, {});
  const stable = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(props)
        .sort()
        .map((key) => [key, String(props[key])]),
    );
  return new Map(rows.map((row) => [row.key, stable(row.props)]));
}

const keysOf = (changes: ChangeRow[], type: string, kind?: string) =>
  new Set(
    changes
      .filter((c) => c.entityType === type && (kind === undefined || c.kind === kind))
      .map((c) => c.entityId),
  );

describe('data-file rows in the change feed', () => {
  let graph: TestGraph;
  let position = 0;

  /** Every change after the last call, in order (and checks they follow on without a gap). */
  async function newChanges(): Promise<ChangeRow[]> {
    const changes: ChangeRow[] = [];
    for (;;) {
      const page = await readChanges(graph.db, { afterSeq: position, first: 100, types: [] });
      changes.push(...page.rows);
      position = page.endSeq;
      if (!page.hasNextPage) break;
    }
    const start = (changes[0]?.seq ?? 1) - 1;
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_c, i) => start + i + 1));
    return changes;
  }

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    await runMigrations(graph.db, { seedDir: null, log: () => {} });
    await newChanges();
  });
  afterAll(async () => graph?.close());

  it('stamps one CREATED per location and inspection the rows of a first file make', async () => {
    const rows = readRows(INSPECTIONS);
    expect(rows).toHaveLength(25);
    const result = await ingestDataFile(INSPECTIONS, 'ofsted-sc-inspections', {
      db: graph.db,
      force: false,
    });
    expect([result.status, result.rowProblems]).toEqual(['loaded', []]);
    const changes = await newChanges();
    expect(changes.every((c) => c.kind === 'CREATED')).toBe(true);
    expect(keysOf(changes, 'LOCATION')).toEqual(new Set(rows.map((row) => `ofsted:${row.URN}`)));
    expect(keysOf(changes, 'INSPECTION')).toEqual(new Set(rows.map(inspectionIdOf)));
    expect(keysOf(changes, 'INSPECTION').size).toBe(rows.length);
    // Nothing else: every entity of the graph now, and once each.
    expect(new Set(changes.map((c) => `${c.entityType} ${c.entityId}`))).toEqual(
      await entityKeys(graph.db),
    );
    expect(changes).toHaveLength(new Set(changes.map((c) => c.entityId)).size);
    // Caused by the file: its Report's sha256.
    expect(new Set(changes.map((c) => c.reportId))).toEqual(new Set([sha256Of(INSPECTIONS)]));
  });

  it('stamps nothing when the same file is loaded again', async () => {
    const result = await ingestDataFile(INSPECTIONS, 'ofsted-sc-inspections', {
      db: graph.db,
      force: true,
    });
    expect(result.status).toBe('loaded');
    expect(await newChanges()).toEqual([]);
  });

  /**
   * What the feed must say of a load, from the graph alone: CREATED for an entity new after it,
   * CHANGED for one whose properties differ, nothing else.
   */
  async function expectChangesOf(load: () => Promise<unknown>, file: string): Promise<ChangeRow[]> {
    const before = await entityProperties(graph.db);
    await load();
    const after = await entityProperties(graph.db);
    const changes = await newChanges();
    const expected = [...after]
      .filter(([key, props]) => before.get(key) !== props)
      .map(([key]) => `${before.has(key) ? 'CHANGED' : 'CREATED'} ${key}`);
    expect(changes.map((c) => `${c.kind} ${c.entityType} ${c.entityId}`).sort()).toEqual(
      expected.sort(),
    );
    expect([...before.keys()].filter((key) => !after.has(key))).toEqual([]);
    if (changes.length > 0)
      expect(new Set(changes.map((c) => c.reportId))).toEqual(new Set([sha256Of(file)]));
    return changes;
  }

  it('stamps what a second file creates and changes, and only that', async () => {
    const rows = readRows(PROVIDERS);
    const changes = await expectChangesOf(async () => {
      const result = await ingestDataFile(PROVIDERS, 'ofsted-sc-providers', {
        db: graph.db,
        force: false,
      });
      expect([result.status, result.rowProblems]).toEqual(['loaded', []]);
    }, PROVIDERS);
    // Its locations not in the first file are new.
    const fileLocations = new Set(rows.map((row) => `ofsted:${row.URN}`));
    const first = new Set(readRows(INSPECTIONS).map((row) => `ofsted:${row.URN}`));
    expect(keysOf(changes, 'LOCATION', 'CREATED')).toEqual(
      new Set([...fileLocations].filter((id) => !first.has(id))),
    );
  });

  it('stamps CHANGED for the one location a newer version of a file gives another status', async () => {
    const newer = path.join(mkdtempSync(path.join(os.tmpdir(), 'data-file-changes-')), 'x.csv');
    const lines = readFileSync(INSPECTIONS, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes(',1027077,'));
    expect(lines[at]).toContain(',Active,');
    lines[at] = lines[at]!.replace(',Active,', ',Resigned,');
    // The same file name: a newer version of the file replaces the older one's Report.
    const file = path.join(path.dirname(newer), path.basename(INSPECTIONS));
    writeFileSync(file, lines.join('\n'));
    try {
      const changes = await expectChangesOf(async () => {
        const result = await ingestDataFile(file, 'ofsted-sc-inspections', {
          db: graph.db,
          force: false,
        });
        expect([result.status, result.rowProblems]).toEqual(['loaded', []]);
      }, file);
      expect(changes.map((c) => `${c.kind} ${c.entityType} ${c.entityId}`)).toEqual([
        'CHANGED LOCATION ofsted:1027077',
      ]);
    } finally {
      rmSync(path.dirname(newer), { recursive: true, force: true });
    }
  });
});
