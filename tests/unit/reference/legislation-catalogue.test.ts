/**
 * seed/reference/legislation.json: integrity, and headings checked against what reports print.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEGISLATION_IDS,
  ReferenceDataError,
  findProjectRoot,
  findRegulation,
  parseLegislationCatalogue,
  readLegislationCatalogue,
} from '../../../src/reference/index.ts';

const catalogue = readLegislationCatalogue();

describe('legislation catalogue integrity', () => {
  it('describes each legislation id of the document contract once', () => {
    expect(catalogue.legislation.map((l) => l.id).sort()).toEqual([...LEGISLATION_IDS].sort());
  });

  it('has unique regulation ids of the form legislation:number', () => {
    const ids = catalogue.regulations.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of catalogue.regulations) expect(r.id).toBe(`${r.legislation}:${r.number}`);
  });

  it('gives every regulation a source and an honest heading status', () => {
    for (const r of catalogue.regulations) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.heading === null, `${r.id} heading vs status ${r.status}`).toBe(
        r.status === 'unconfirmed',
      );
    }
  });

  it('has regulations for every legislation, with sections 29 and 31 of the 2008 Act', () => {
    for (const l of catalogue.legislation)
      expect(
        catalogue.regulations.some((r) => r.legislation === l.id),
        l.id,
      ).toBe(true);
    expect(findRegulation('HSCA2008', '29')?.subject).toBe('warning notice');
    expect(findRegulation('HSCA2008', '31')).not.toBeNull();
  });

  it('finds regulations by number as printed', () => {
    expect(findRegulation('HSCA-RA-2014', '20a')?.heading).toBe(
      'Requirement as to display of performance assessments',
    );
    expect(findRegulation('CHR2015', ' 23 ')?.heading).toBe('Medicines');
    expect(findRegulation('CHR2015', '99')).toBeNull();
  });
});

describe('headings against the sources', () => {
  it.each([
    ['CHR2015', '23', 'Medicines', 'confirmed'],
    ['CHR2015', '35', 'Behaviour management policies and records', 'confirmed'],
    ['CHR2015', '12', 'The protection of children standard', 'confirmed'],
    ['CHR2015', '39', 'Complaints and representations', 'confirmed-secondary'],
    ['CHR2015', '37', 'Other records', 'taken-from-text'],
    ['CHR2015', '24', null, 'unconfirmed'],
    ['CHR2015', '25', null, 'unconfirmed'],
    ['HSCA-RA-2014', '12', 'Safe care and treatment', 'confirmed'],
    ['HSCA-RA-2014', '17', 'Good governance', 'confirmed'],
    ['HSCA-RA-2014', '18', 'Staffing', 'confirmed'],
    ['HSCA-RA-2010', '22', 'Staffing', 'confirmed-secondary'],
    ['CQC-REG-2009', '18', 'Notification of other incidents', 'confirmed'],
    ['CSA2000', '22A', null, 'unconfirmed'],
    ['HSCA2008', '30', 'Urgent procedure for cancellation', 'confirmed-secondary'],
  ] as const)('%s regulation %s: %s (%s)', (legislation, number, heading, status) => {
    const r = findRegulation(legislation, number);
    expect(r?.heading).toBe(heading);
    expect(r?.status).toBe(status);
  });

  it('matches the headings seed 000 prints in its statutory requirements table', () => {
    const seed = readFileSync(
      path.join(findProjectRoot(), 'seed', '000_573f2340e3d978e1.txt'),
      'utf8',
    );
    const printed = [...seed.matchAll(/<p>(\d+): ([^<*]+?)\s*\*?<\/p>/g)].map(
      (m) => [m[1]!, m[2]!.replace(/’/g, "'")] as const,
    );
    expect(printed.map(([n]) => n)).toEqual(['5', '6', '10', '12', '13', '23', '35']);
    for (const [number, heading] of printed)
      expect(findRegulation('CHR2015', number)?.heading, number).toBe(heading);
  });
});

describe('catalogue validation', () => {
  const place = { file: 'seed/reference/legislation.json', at: '' };
  const valid = {
    legislation: [
      { id: 'CHR2015', title: 't', shortTitle: 's', year: 2015, kind: 'regulations', url: 'u' },
    ],
    regulations: [],
  };

  it('accepts a minimal catalogue', () => {
    expect(parseLegislationCatalogue(valid, place).legislation).toHaveLength(1);
  });

  it('names the file and the bad entry', () => {
    const bad = {
      ...valid,
      regulations: [
        {
          id: 'CHR2015:4',
          legislation: 'CHR2015',
          number: '4',
          heading: 'Guess',
          status: 'unconfirmed',
          sources: [],
        },
      ],
    };
    expect(() => parseLegislationCatalogue(bad, place)).toThrow(ReferenceDataError);
    expect(() => parseLegislationCatalogue(bad, place)).toThrow(
      'seed/reference/legislation.json: regulations[0] (CHR2015:4): an unconfirmed heading must be null',
    );
  });

  it('rejects legislation the document contract does not know', () => {
    const bad = { ...valid, legislation: [{ ...valid.legislation[0], id: 'FOSTERING2011' }] };
    expect(() => parseLegislationCatalogue(bad, place)).toThrow(
      /legislation\[0\]\.id: expected one of/,
    );
  });
});
