// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as day numbers, so events can be compared and ordered.

import type { DatePrecision, PartialDate } from "./brief.js";

/** A partial date as the days it covers (days since 1970-01-01, both ends included). */
export interface DayRange {
  start: number;
  end: number;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

/** The days a partial date covers, or null when it is not one. */
export function dayRange(date: PartialDate): DayRange | null {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const day = Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    return { start: day, end: day, precision: "day" };
  }
  if (m[2]) {
    const month = Number(m[2]) - 1;
    return { start: Date.UTC(year, month, 1) / DAY_MS, end: Date.UTC(year, month + 1, 0) / DAY_MS, precision: "month" };
  }
  return { start: Date.UTC(year, 0, 1) / DAY_MS, end: Date.UTC(year, 11, 31) / DAY_MS, precision: "year" };
}

/** Days between a range and a day (0 when the day falls inside it). */
export function daysApart(range: DayRange, day: number): number {
  if (day < range.start) return range.start - day;
  if (day > range.end) return day - range.end;
  return 0;
}

/** The date cut to a coarser precision: "2023-03-14" at "month" is "2023-03". */
export function truncate(date: PartialDate, precision: DatePrecision): PartialDate {
  return date.slice(0, precision === "day" ? 10 : precision === "month" ? 7 : 4);
}

/** Finer precision ranks higher. */
export const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 2, month: 1, year: 0 };

/** True when a date of precision `a` says at least as much as one of precision `b`. */
export function atLeast(a: DatePrecision, b: DatePrecision): boolean {
  return PRECISION_RANK[a] >= PRECISION_RANK[b];
}
