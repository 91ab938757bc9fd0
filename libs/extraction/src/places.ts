import { matchesOf } from './text/matches';

/**
 * Place names, so that "Yibin City" or "Sichuan" is never taken for an organisation and the host city
 * of a conference can be told from its province. A gazetteer of Chinese provincial-level regions and of
 * countries (general vocabulary), plus places the article itself marks as such ("in X City",
 * "X, southwest China's Y Province").
 */

const PROVINCES = [
  'Anhui',
  'Beijing',
  'Chongqing',
  'Fujian',
  'Gansu',
  'Guangdong',
  'Guangxi',
  'Guizhou',
  'Hainan',
  'Hebei',
  'Heilongjiang',
  'Henan',
  'Hong Kong',
  'Hubei',
  'Hunan',
  'Inner Mongolia',
  'Jiangsu',
  'Jiangxi',
  'Jilin',
  'Liaoning',
  'Macao',
  'Macau',
  'Ningxia',
  'Qinghai',
  'Shaanxi',
  'Shandong',
  'Shanghai',
  'Shanxi',
  'Sichuan',
  'Taiwan',
  'Tianjin',
  'Tibet',
  'Xinjiang',
  'Xizang',
  'Yunnan',
  'Zhejiang',
];
const COUNTRIES = [
  'China',
  'Mainland China',
  'United States',
  'US',
  'U.S.',
  'USA',
  'America',
  'Japan',
  'South Korea',
  'Korea',
  'Germany',
  'France',
  'Britain',
  'United Kingdom',
  'UK',
  'Italy',
  'Spain',
  'Hungary',
  'Poland',
  'Sweden',
  'Norway',
  'Finland',
  'Netherlands',
  'Belgium',
  'Switzerland',
  'Austria',
  'Portugal',
  'Europe',
  'Asia',
  'Africa',
  'Australia',
  'Canada',
  'Mexico',
  'Brazil',
  'Chile',
  'Argentina',
  'Bolivia',
  'Peru',
  'Indonesia',
  'Thailand',
  'Vietnam',
  'Malaysia',
  'Singapore',
  'Philippines',
  'India',
  'Pakistan',
  'Turkey',
  'Russia',
  'Morocco',
  'Egypt',
  'Saudi Arabia',
  'United Arab Emirates',
  'UAE',
  'Qatar',
  'Israel',
  'Iran',
  'Kazakhstan',
  'Uzbekistan',
  'Serbia',
  'Zimbabwe',
  'South Africa',
  'Nigeria',
  'Kenya',
  'New Zealand',
  'Laos',
  'Cambodia',
  'Myanmar',
  'Mongolia',
  'Latin America',
  'Southeast Asia',
  'Middle East',
  'ASEAN',
];

const DIRECTION = String.raw`(?:[Ss]outh|[Nn]orth|[Ee]ast|[Ww]est|[Cc]entral|[Ss]outhwest|[Ss]outhwestern|[Nn]orthwest|[Nn]orthwestern|[Ss]outheast|[Ss]outheastern|[Nn]ortheast|[Nn]ortheastern|[Ee]astern|[Ww]estern|[Ss]outhern|[Nn]orthern)`;
// Capitalised words that follow "in" without being places.
const NOT_PLACE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|His|Her|Its|Their|Our|A|An|In|On|At|Chinese|English|Yuan|Renminbi)$/;

const LEADING_DIRECTION = new RegExp(String.raw`^(?:${DIRECTION})\s+`, 'i');
const KNOWN = new Set([...PROVINCES, ...COUNTRIES].map((p) => p.toLowerCase()));
const CITY_LIKE = new Set([
  'beijing',
  'shanghai',
  'tianjin',
  'chongqing',
  'hong kong',
  'macao',
  'macau',
  'singapore',
]);

// "X City", "city of X", "X, southwest China's", "in X,", "China's X".
const NAME = String.raw`([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)`;
const MARKERS = [
  new RegExp(
    String.raw`${NAME}\s+(?:City|Province|County|District|Prefecture|Municipality|Town|Village|New Area|Economic Zone|city|province|county|district|prefecture)\b`,
    'g',
  ),
  new RegExp(String.raw`\b(?:city|province|county|district|town|capital) of ${NAME}`, 'g'),
  new RegExp(String.raw`${NAME},\s+(?:a\s+city\s+in\s+)?(?:${DIRECTION}\s+)?China(?:'s)?\b`, 'g'),
  new RegExp(
    String.raw`\b(?:in|across|throughout|outside|near)\s+${NAME}(?=[,.;]|\s+(?:in|on|at|and|of|to|from|for|was|were|will|is|has|have|city|province)\b)`,
    'g',
  ),
  new RegExp(String.raw`\bChina's\s+${NAME}`, 'g'),
];

/** Place names the article marks as places, by the words around them. */
export function placesMarkedIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const re of MARKERS) {
    for (const m of matchesOf(re, text)) {
      if (!m[1].split(' ').some((w) => NOT_PLACE.test(w))) found.add(m[1].toLowerCase());
    }
  }
  return found;
}

export class Places {
  private readonly cache = new Map<string, boolean>();

  constructor(private readonly marked: Set<string>) {}

  /** Whether a capitalised span is a place (possibly with a City/Province suffix). */
  isPlace(span: string): boolean {
    let known = this.cache.get(span);
    if (known === undefined) {
      known = this.lookUp(span);
      this.cache.set(span, known);
    }
    return known;
  }

  private lookUp(span: string): boolean {
    const s = span
      .replace(/^the\s+/i, '')
      .replace(/\s+(?:City|Province|County|District|Prefecture|Municipality)$/i, '')
      .replace(LEADING_DIRECTION, '')
      .toLowerCase();
    return KNOWN.has(s) || this.marked.has(s);
  }

  /** A province, region or country from the gazetteer. */
  isKnownRegion(span: string): boolean {
    return KNOWN.has(span.toLowerCase()) && !CITY_LIKE.has(span.toLowerCase());
  }

  /** A province or a country cannot be the host city; the four municipalities and the SARs can. */
  canBeCity(span: string): boolean {
    if (/\b(?:province|region)$/i.test(span)) return false;
    const s = span
      .replace(/\s+city$/i, '')
      .replace(LEADING_DIRECTION, '')
      .toLowerCase();
    return CITY_LIKE.has(s) || !KNOWN.has(s);
  }
}
