import type { OrganisationType } from '@app/contracts';

/**
 * Vocabulary of organisation names: the head words that make a capitalised phrase an organisation
 * ("... Co., Ltd.", "... University", "Ministry of ..."), and the words that make it something else
 * (an event, a document, a place). General English and Chinese-institution vocabulary, no names.
 */

// Head words (lower case) by the kind of organisation they name. Word sets rather than patterns:
// every capitalised phrase of every sentence is looked up here.
const HEADS = new Map<string, OrganisationType>([
  ...heads(
    'company',
    'co company corp corporation ltd limited inc incorporated group holding holdings llc plc ag gmbh se sa ' +
      'nv bv kk bank motors automobile automobiles industries securities capital partners',
  ),
  ...heads('university', 'university college polytechnic school'),
  ...heads(
    'association',
    'association alliance federation society chamber council union consortium league network committee',
  ),
  ...heads('research', 'academy institute laboratory lab labs workstation observatory'),
  ...heads(
    'government',
    'ministry government department bureau commission administration agency office authority congress ' +
      'court procuratorate',
  ),
  ...heads('other', 'center centre foundation fund exchange hospital museum'),
]);

const REGION_SUFFIX = wordSet('china europe asia america international global japan korea');
// Keywords that name an organisation from the front even when not listed as heads ("Office of ...").
const HEAD_FIRST = wordSet(
  'ministry department bureau university academy institute association federation commission ' +
    'administration office center centre college school council society alliance chamber committee laboratory',
);
const COMPANY_DESIGNATOR = wordSet('group co ltd inc corp holdings');
// Words that end a name complete: "... of Yibin City".
const PLACE_HEAD = wordSet('city province county district prefecture municipality region china');

// Last words that make a two-or-more-word capitalised name a company ("EVE Energy", "Tianqi Lithium").
const INDUSTRY_TAIL = wordSet(
  'energy power motor auto automotive technology technologies tech high-tech hi-tech material materials ' +
    'lithium electric electronic electronics chemical chemicals mining solar semiconductor semiconductors ' +
    'resources metal metals cobalt nickel batteries robotics logistics pharmaceutical pharmaceuticals steel ' +
    'machinery equipment',
);
// First words that make such a phrase a generic description instead ("New Energy", "Clean Power").
const GENERIC_FIRST = wordSet(
  'new green clean renewable advanced electric power battery low-carbon smart future global national ' +
    'international digital modern next-generation high-tech information energy solid-state lithium sodium-ion the',
);

// Phrases headed by these are events, documents, products or places, never organisations.
const NOT_ORGANISATION = wordSet(
  'conference forum summit expo exhibition fair convention declaration report index award awards prize plan ' +
    'initiative program programme week show festival meeting session sessions ceremony competition contest day ' +
    'base park zone area road street avenue district city province county prefecture region river mountain lake ' +
    'airport station port battery cell vehicle car system platform project projects series model edition policy ' +
    'law act strategy standard standards certificate list ranking republic economy industry chain',
);

/** Designators dropped to find the short form a company is also called by ("Hive Energy Technology Co., Ltd." -> "Hive Energy"). */
export const DESIGNATOR = wordSet(
  'co company corp corporation ltd limited inc incorporated group holding holdings llc plc ag gmbh se sa ' +
    'technology technologies tech new energy material materials science and',
);

function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}

function heads(type: OrganisationType, words: string): [string, OrganisationType][] {
  return words.split(' ').map((w) => [w, type]);
}

// Acronyms that are not organisations: units, vehicle and chemistry types, titles, currencies, outlets.
const NOT_ACRONYM = new Set(
  (
    'NEV NEVS EV EVS BEV PHEV HEV FCEV EREV ES ESS R&D CEO CTO CFO COO VP GM USD RMB CNY EUR GDP AI IT US USA UK EU UAE UN ' +
    'GWH MWH KWH TWH GW MW KW LFP NCM NCA LMFP LMO LTO BMS CTP CTB CTC SOC SUV MPV VR AR IOT PV IPO ETF YOY CPC PRC OEM OEMS ' +
    'EVTOL UAV ID TV PR Q1 Q2 Q3 Q4 H1 H2 AM PM NO ASEAN APEC BRICS G20 CO2 DC AC V HR IP ICT ESG ROI API OTA ADAS GPS PHD ' +
    'XINHUA CGTN CCTV CNS AP AFP IANS ECNS MENAFN PRNEWSWIRE NASDAQ NYSE HKEX SSE SZSE WPBC ST NE SW NW SE'
  ).split(' '),
);

/** Words that open many unrelated names ("New", "Great", "National"), so they identify none. */
export function isGenericWord(word: string): boolean {
  return (
    GENERIC_FIRST.has(word.toLowerCase()) ||
    /^(?:great|china|chinese|first|united|general|central|state|city|golden|royal|sino|asia|euro|world)$/i.test(
      word,
    )
  );
}

export function isAcronym(word: string): boolean {
  return (
    /^[A-Z][A-Z0-9&]{1,6}s?$/.test(word) && /[A-Z].*[A-Z]/.test(word) && !NOT_ACRONYM.has(word.toUpperCase())
  );
}

export interface NameClass {
  type: OrganisationType;
  /** A head keyword or designator says so; otherwise only the shape or the context suggests it. */
  strong: boolean;
  /** The name ends in a complement ("Ministry of Industry") that a following "and ..." may continue. */
  open: boolean;
  /** The keyword is the last word ("... Department"), so a preceding "X and" may be its modifier. */
  headFinal: boolean;
}

/** Classifies a capitalised phrase, or returns null when it is not an organisation name. */
export function classifyName(words: string[]): NameClass | null {
  if (!words.length) return null;
  let lower = words.map((w) => withoutTrailingPunctuation(w.toLowerCase()));
  // "Volkswagen Group China": a region after the designator names a branch of the same company.
  while (
    lower.length > 2 &&
    REGION_SUFFIX.has(lower[lower.length - 1]) &&
    COMPANY_DESIGNATOR.has(lower[lower.length - 2])
  ) {
    lower = lower.slice(0, -1);
  }
  const last = lower[lower.length - 1];
  const hasGovernmentPart = lower.some((w) => w === 'ministry' || w === 'government');
  // "Ministry of Industry" may go on with "and Information Technology"; "... of Yibin City" is complete.
  const complete = PLACE_HEAD.has(last);
  if (lower[0] === "people's" && !lower.includes('republic')) {
    return { type: 'government', strong: true, open: lower.includes('of') && !complete, headFinal: false };
  }
  // The head is the word before the first complement ("Center" in "... Center for Rare Earth
  // Materials", "Ministry" in "Ministry of Industry ..."), else the last word.
  const complement = lower.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for' || w === 'on'));
  const headAt = complement > 0 ? complement - 1 : lower.length - 1;
  const head = lower[headAt];
  if (NOT_ORGANISATION.has(head) && !(head === 'congress' && lower.includes("people's"))) return null;
  const type = lower.length < 2 ? undefined : HEADS.get(head);
  if (type) {
    // "Center" alone says little; research or a ministry in the name says what kind.
    const refined =
      type === 'other' &&
      lower.some((x) => x === 'research' || x === 'engineering' || x === 'innovation' || x === 'testing')
        ? 'research'
        : hasGovernmentPart && type !== 'company'
          ? 'government'
          : type;
    return {
      type: refined,
      strong: true,
      open: complement > 0 && !complete,
      headFinal: complement < 0 && headAt > 0,
    };
  }
  if (complement > 0 && HEAD_FIRST.has(lower[0]))
    return { type: 'other', strong: true, open: true, headFinal: false };
  if (NOT_ORGANISATION.has(last)) return null;
  if (lower.length >= 2 && INDUSTRY_TAIL.has(last) && !GENERIC_FIRST.has(lower[0])) {
    return { type: 'company', strong: false, open: false, headFinal: false };
  }
  if (words.length === 1 && isAcronym(words[0]))
    return { type: 'company', strong: false, open: false, headFinal: false };
  return null;
}

/** "co.," -> "co": a name's words are compared without the dots and commas that end them. */
function withoutTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === '.' || word[end - 1] === ',')) end--;
  return end === word.length ? word : word.slice(0, end);
}
