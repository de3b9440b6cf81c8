import { describe, expect, it } from 'vitest';
import { parseDateWindows, parseYearlessDateWindows } from './date-windows.ts';

describe('parseDateWindows', () => {
  // Each text is the dates as printed in a real Ofsted report (the file is named in the comment).
  it.each([
    // ILACS, Derbyshire, 19 September 2019
    [
      '8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019',
      {
        start: '2019-07-08',
        end: '2019-08-08',
        visits: [
          { start: '2019-07-08', end: '2019-07-12' },
          { start: '2019-08-07', end: '2019-08-08' },
        ],
      },
    ],
    // ILACS, Devon, 13 May 2025: the first visit's year is the one before the second's
    [
      '30 September to 11 October 2024 and 13 to 16 January 2025',
      {
        start: '2024-09-30',
        end: '2025-01-16',
        visits: [
          { start: '2024-09-30', end: '2024-10-11' },
          { start: '2025-01-13', end: '2025-01-16' },
        ],
      },
    ],
    // SIF, Sheffield, 21 February 2014
    [
      '19 November-11 December 2013 and 28 – 30 January 2014',
      {
        start: '2013-11-19',
        end: '2014-01-30',
        visits: [
          { start: '2013-11-19', end: '2013-12-11' },
          { start: '2014-01-28', end: '2014-01-30' },
        ],
      },
    ],
    // focused visit, Kingston upon Hull, 28 August 2025: two days, then a third a week later
    [
      '15, 16 and 21 July 2025',
      {
        start: '2025-07-15',
        end: '2025-07-21',
        visits: [
          { start: '2025-07-15', end: '2025-07-16' },
          { start: '2025-07-21', end: '2025-07-21' },
        ],
      },
    ],
    // focused visit, Bury, 13 November 2020: consecutive days are one visit
    ['29 and 30 September, and 1 October 2020', { start: '2020-09-29', end: '2020-10-01' }],
    ['8 to 12 July 2019 then 7 to 8 August 2019', expect.objectContaining({ end: '2019-08-08' })],
    ['11 and 12 September 2023', { start: '2023-09-11', end: '2023-09-12' }],
    ['30 June and 1 July 2021', { start: '2021-06-30', end: '2021-07-01' }],
    ['23 to 24 July 2019', { start: '2019-07-23', end: '2019-07-24' }],
  ])('reads %s', (text, expected) => {
    expect(parseDateWindows(text)).toEqual(expected);
  });

  it.each([
    // visits out of order or overlapping are not an inspection window
    '7 to 8 August 2019 and 8 to 12 July 2019',
    '8 to 12 July 2019 and 10 to 14 July 2019',
    '8 July 2019 to 12 July 2019 and',
    '8 July 2019 to 12 July 2019 and soon after',
  ])('refuses %s', (text) => {
    expect(parseDateWindows(text)).toBeNull();
  });
});

describe('parseYearlessDateWindows', () => {
  it("takes the year of the letter's date, or the year before when that would be later", () => {
    // focused visit, Durham, letter of 23 August 2021: "on 13 and 14 July."
    expect(parseYearlessDateWindows('13 and 14 July', '2021-08-23')).toEqual({
      start: '2021-07-13',
      end: '2021-07-14',
    });
    expect(parseYearlessDateWindows('11 and 12 December', '2019-01-17')).toEqual({
      start: '2018-12-11',
      end: '2018-12-12',
    });
    expect(parseYearlessDateWindows('13 and 14 July 2021', '2021-08-23')).toBeNull();
  });
});
