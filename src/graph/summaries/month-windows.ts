/**
 * A date window cut where the theme-trend summary's month cells can serve it: the whole months
 * inside it, and the partial months at either end, which the exact query answers over a few
 * weeks of inspections. Inspections have one start date, so the parts share none and their
 * counts add up.
 */

export interface DateWindow {
  from: string;
  to: string;
}

export interface MonthSplit {
  /** Whole months, null bounds open; null when the window holds no whole month. */
  months: { from: string | null; to: string | null } | null;
  /** The partial months at the ends, each bounded. */
  edges: DateWindow[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(date: string): Date | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(value.getTime()) || value.toISOString().slice(0, 10) !== date ? null : value;
}

function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** First day of the month `offset` months after the month of `date`. */
function monthStart(date: Date, offset: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** Last day of the month of `date`. */
function monthEnd(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

/**
 * The window [from, to] (either open) as whole months plus partial edges, or null when it is not
 * two valid ISO dates in order (the caller then asks the exact query, which answers any window).
 */
export function splitAtWholeMonths(from: string | null, to: string | null): MonthSplit | null {
  const start = from === null ? null : toUtc(from);
  const end = to === null ? null : toUtc(to);
  if ((from !== null && start === null) || (to !== null && end === null)) return null;
  if (start && end && start > end) return null;
  const monthsFrom = start === null || start.getUTCDate() === 1 ? start : monthStart(start, 1);
  const endsMonth = end !== null && formatUtc(monthEnd(end)) === formatUtc(end);
  const monthsTo =
    end === null || endsMonth ? end : new Date(monthStart(end, 0).getTime() - DAY_MS);
  if (start && end && monthsFrom && monthsTo && monthsFrom > monthsTo) {
    // No whole month inside: the window lies in one month, or in the ends of two.
    const sameMonth =
      start.getUTCFullYear() === end.getUTCFullYear() && start.getUTCMonth() === end.getUTCMonth();
    return {
      months: null,
      edges: sameMonth
        ? [{ from: formatUtc(start), to: formatUtc(end) }]
        : [
            { from: formatUtc(start), to: formatUtc(monthEnd(start)) },
            { from: formatUtc(monthStart(end, 0)), to: formatUtc(end) },
          ],
    };
  }
  const edges: DateWindow[] = [];
  if (start && monthsFrom !== start)
    edges.push({ from: formatUtc(start), to: formatUtc(monthEnd(start)) });
  if (end && !endsMonth) edges.push({ from: formatUtc(monthStart(end, 0)), to: formatUtc(end) });
  return {
    months: { from: monthsFrom && formatUtc(monthsFrom), to: monthsTo && formatUtc(monthsTo) },
    edges,
  };
}
