import { matchesOf } from './text/matches';

/** Calendar arithmetic and date phrases ("Sept. 03, 2024", "from July 21 to 23", "opened on Sunday"). */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A month name or abbreviation, with its optional dot, as a regex source. */
export const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year < 1000 || year > 9999)
    return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const MONTH_DAY_YEAR = new RegExp(
  `^(?:${WEEKDAY},?\\s+)?(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
  'i',
);
const DAY_MONTH_YEAR = new RegExp(`^(?:${WEEKDAY},?\\s+)?(\\d{1,2})\\s+(${MONTH}),?\\s+(\\d{4})`, 'i');

/** Normalises a free-form date ("2024-09-03T08:00Z", "Sept. 3, 2024", "3 September 2024") to yyyy-mm-dd. */
export function normaliseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return isoDate(+m[3], monthNumber(m[1])!, +m[2]);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return isoDate(+m[3], monthNumber(m[2])!, +m[1]);
  return null;
}

/** The latest date on or before `reference` that falls on the named weekday ("opened on Sunday"). */
export function weekdayOnOrBefore(reference: string, weekday: string): string {
  const ref = new Date(`${reference}T00:00:00Z`);
  const back = (ref.getUTCDay() - WEEKDAYS.indexOf(weekday.toLowerCase()) + 7) % 7;
  return new Date(ref.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The earliest date on or after `reference` that falls on the named weekday ("runs until Saturday"). */
export function weekdayOnOrAfter(reference: string, weekday: string): string {
  const ref = new Date(`${reference}T00:00:00Z`);
  const ahead = (WEEKDAYS.indexOf(weekday.toLowerCase()) - ref.getUTCDay() + 7) % 7;
  return new Date(ref.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

export interface DateSpan {
  start: string | null;
  end: string | null;
  /** Character range of the phrase in the text it was read from. */
  from: number;
  to: number;
}

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4}))?';
// "from Aug. 31 to Sept. 2", "July 21 to 23", "September 1-2, 2024", "between May 4 and 6"
const RANGE = new RegExp(
  `\\b(${MONTH})\\s+${DAY}${YEAR}\\s*(?:-|–|—|to|through|until|and)\\s*(?:(${MONTH})\\s+)?${DAY}${YEAR}\\b`,
  'gi',
);
// "21-23 July 2022"
const RANGE_DAY_FIRST = new RegExp(`\\b${DAY}\\s*(?:-|–|to)\\s*${DAY}\\s+(${MONTH})${YEAR}\\b`, 'gi');
const SINGLE = new RegExp(`\\b(${MONTH})\\s+${DAY}(?!\\d)${YEAR}`, 'gi');
// Cheap tests that rule out most sentences before the costly patterns run.
const ANY_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const ON_WEEKDAY = new RegExp(`\\b(?:on|last|this|through|until|till)\\s+(${WEEKDAY})\\b`, 'gi');

/**
 * Every date or date range in `text`. Years missing from the phrase come from `year`; weekdays are
 * resolved backwards from `published` (news reports what already happened). Unresolvable dates are null.
 */
export function findDates(text: string, year: number | null, published: string | null): DateSpan[] {
  const spans: DateSpan[] = [];
  // Every date phrase has a digit or a weekday: most sentences have neither.
  if (!/\d|day\b/i.test(text)) return spans;
  const taken = (from: number, to: number) => spans.some((s) => from < s.to && to > s.from);
  const push = (span: DateSpan) => {
    if (!taken(span.from, span.to)) spans.push(span);
  };
  const date = (y: string | undefined, month: string, day: string) => {
    const yy = y ? +y : year;
    return yy ? isoDate(yy, monthNumber(month)!, +day) : null;
  };
  const hasMonth = ANY_MONTH.test(text);
  for (const m of hasMonth ? matchesOf(RANGE, text) : []) {
    const y = m[6] ?? m[3];
    const endMonth = m[4] ?? m[1];
    if (+m[5] < +m[2] && !m[4]) continue; // "May 4 and 2" is not a range
    push({
      start: date(y, m[1], m[2]),
      end: date(y, endMonth, m[5]),
      from: m.index,
      to: m.index + m[0].length,
    });
  }
  for (const m of hasMonth ? matchesOf(RANGE_DAY_FIRST, text) : []) {
    push({
      start: date(m[4], m[3], m[1]),
      end: date(m[4], m[3], m[2]),
      from: m.index,
      to: m.index + m[0].length,
    });
  }
  for (const m of /\d-\d/.test(text) ? matchesOf(ISO, text) : []) {
    const iso = isoDate(+m[1], +m[2], +m[3]);
    push({ start: iso, end: null, from: m.index, to: m.index + m[0].length });
  }
  for (const m of hasMonth ? matchesOf(SINGLE, text) : []) {
    push({ start: date(m[3], m[1], m[2]), end: null, from: m.index, to: m.index + m[0].length });
  }
  for (const m of /day\b/.test(text) ? matchesOf(ON_WEEKDAY, text) : []) {
    const ahead = /^(?:through|until|till)\b/i.test(m[0]);
    const start = published ? (ahead ? weekdayOnOrAfter : weekdayOnOrBefore)(published, m[1]) : null;
    push({ start, end: null, from: m.index, to: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.from - b.from);
}
