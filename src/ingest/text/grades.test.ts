import { describe, expect, it } from 'vitest';
import type { Grade } from '../../model/document.ts';
import { compareGrades, gradeRank, readGrade, readTrailingGrade } from './grades.ts';

describe('readGrade', () => {
  it.each<[string, Grade]>([
    ['outstanding', 'OUTSTANDING'],
    ['Good', 'GOOD'],
    ['Requires improvement to be good', 'REQUIRES_IMPROVEMENT'],
    ['Requires Improvement', 'REQUIRES_IMPROVEMENT'],
    ['inadequate', 'INADEQUATE'],
    ['Adequate', 'ADEQUATE'],
    ['Improved effectiveness', 'IMPROVED_EFFECTIVENESS'],
    ['sustained effectiveness', 'SUSTAINED_EFFECTIVENESS'],
    ['Declined in effectiveness', 'DECLINED_IN_EFFECTIVENESS'],
    ['Inspected but not rated', 'NOT_RATED'],
    ['No published rating', 'NOT_RATED'],
    ['  INADEQUATE. ', 'INADEQUATE'],
    ['require improvement to be good', 'REQUIRES_IMPROVEMENT'],
    ['Require improvement', 'REQUIRES_IMPROVEMENT'],
  ])('%j → %s', (text, grade) => {
    expect(readGrade(text)).toBe(grade);
  });

  it.each(['', 'very good', 'inadequately', 'grade 2'])('refuses %j', (text) => {
    expect(readGrade(text)).toBeNull();
  });
});

describe('readTrailingGrade', () => {
  it('reads the judgement lines of seed 000, grade at the line end', () => {
    expect(
      readTrailingGrade('How well children and young people are helped and protected inadequate'),
    ).toEqual({
      label: 'How well children and young people are helped and protected',
      grade: 'INADEQUATE',
      gradeText: 'inadequate',
    });
    expect(
      readTrailingGrade(
        'Overall experiences and progress of children and young people: Requires improvement to be good',
      ),
    ).toEqual({
      label: 'Overall experiences and progress of children and young people',
      grade: 'REQUIRES_IMPROVEMENT',
      gradeText: 'Requires improvement to be good',
    });
  });

  it('does not split a word to find a grade', () => {
    expect(readTrailingGrade('The home is inadequate')?.grade).toBe('INADEQUATE');
    expect(readTrailingGrade('Staff were notgood')).toBeNull();
    expect(readTrailingGrade('nothing here')).toBeNull();
  });
});

describe('gradeRank', () => {
  it('orders the quality scale, best highest', () => {
    const ranks = (['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const).map(
      gradeRank,
    );
    expect(ranks).toEqual([4, 3, 2, 1]);
    expect(gradeRank('ADEQUATE')).toBe(gradeRank('REQUIRES_IMPROVEMENT'));
  });

  it('gives interim and not-rated judgements no rank', () => {
    expect(gradeRank('SUSTAINED_EFFECTIVENESS')).toBeNull();
    expect(gradeRank('NOT_RATED')).toBeNull();
  });

  it('sorts best first with unranked grades last', () => {
    const grades: Grade[] = [
      'NOT_RATED',
      'INADEQUATE',
      'OUTSTANDING',
      'SUSTAINED_EFFECTIVENESS',
      'GOOD',
    ];
    expect([...grades].sort(compareGrades)).toEqual([
      'OUTSTANDING',
      'GOOD',
      'INADEQUATE',
      'NOT_RATED',
      'SUSTAINED_EFFECTIVENESS',
    ]);
  });
});
