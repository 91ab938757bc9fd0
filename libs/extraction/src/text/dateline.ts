import { MONTH, monthNumber, isoDate, normaliseDate } from '../dates';

/**
 * The wire-story opening: an optional syndication tag, the place, the date and the credited agency,
 * e.g. "(MENAFN- PR Newswire) YIBIN, China, Oct. 14, 2025 (PRNEWSWIRE) --",
 * "YIBIN, China, July 25, 2022 /PRNewswire/ —", "China News Network, June 6 (Zhongxin ...)",
 * or a "date 2024-09-03" prefix. Agencies credited there are outlets, not content.
 */
export interface Dateline {
  /** The date the dateline gives, when it has a year. */
  published: string | null;
  /** Month and day of a dateline without a year ("YIBIN, Aug. 29 (Xinhua)"): the year comes from the story. */
  monthDay: [number, number] | null;
  /** The place, when the dateline starts with one ("YIBIN, China"). */
  city: string | null;
  /** The rest of the text after the dateline. */
  rest: string;
}

const SYNDICATION_TAG = /^\s*\((?=[^()]*[-/])[^()]{2,80}\)\s*/;
const DATE_PREFIX = /^\s*(?:date|dated|published|posted)[:\s]+(\d{4}-\d{2}-\d{2})\s*/i;
const DATELINE = new RegExp(
  "^\\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\\s*([A-Z][A-Za-z. ]{1,30}?))?,\\s*" +
    `(${MONTH})\\s+(\\d{1,2})(?:,?\\s*(\\d{4}))?` +
    '\\s*(?:\\(([^()]{1,80})\\)|\\/([^/]{1,40})\\/)?\\s*(?:--|—|–|-|:)?\\s*',
);

export function readDateline(text: string): Dateline {
  let rest = text.replace(SYNDICATION_TAG, '');
  const prefix = DATE_PREFIX.exec(rest);
  if (prefix) {
    return {
      published: normaliseDate(prefix[1]),
      monthDay: null,
      city: null,
      rest: rest.slice(prefix[0].length),
    };
  }
  const m = DATELINE.exec(rest);
  // Without a credit or a dash it is just a sentence that starts with a place and a date.
  if (!m || !(m[6] || m[7] || /(?:--|—|–|-|:)\s*$/.test(m[0])))
    return { published: null, monthDay: null, city: null, rest };
  rest = rest.slice(m[0].length);
  const published = m[5] ? isoDate(+m[5], monthNumber(m[3])!, +m[4]) : null;
  const place = m[1].trim();
  // An all-caps first part is the wire place ("YIBIN"); a mixed-case one is usually the outlet.
  const city = place === place.toUpperCase() ? titleCase(place) : null;
  return { published, monthDay: m[5] ? null : [monthNumber(m[3])!, +m[4]], city, rest };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
