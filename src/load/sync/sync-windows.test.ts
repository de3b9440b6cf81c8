import { describe, expect, it } from 'vitest';
import { formatApiTimestamp, planWindows, windowFolderName } from './sync-windows.ts';

describe('planWindows', () => {
  it('cuts the span into windows that start where the last one ended', () => {
    const windows = planWindows(
      new Date('2025-06-01T00:00:00Z'),
      new Date('2025-06-03T06:00:00Z'),
      24,
    );
    expect(windows).toEqual([
      { start: '2025-06-01T00:00:00Z', end: '2025-06-02T00:00:00Z' },
      { start: '2025-06-02T00:00:00Z', end: '2025-06-03T00:00:00Z' },
      { start: '2025-06-03T00:00:00Z', end: '2025-06-03T06:00:00Z' },
    ]);
  });

  it('plans nothing when there is nothing to catch up', () => {
    const at = new Date('2025-06-01T00:00:00Z');
    expect(planWindows(at, at, 24)).toEqual([]);
    expect(planWindows(at, new Date('2025-05-31T00:00:00Z'), 24)).toEqual([]);
  });

  it('writes times as the API takes them and folder names without colons', () => {
    expect(formatApiTimestamp(new Date('2025-06-01T06:30:00.123Z'))).toBe('2025-06-01T06:30:00Z');
    expect(windowFolderName({ start: '2025-06-01T00:00:00Z', end: '2025-06-02T00:00:00Z' })).toBe(
      '2025-06-01T00-00-00Z_2025-06-02T00-00-00Z',
    );
  });
});
