import type { ExhibitCategory, ExhibitRecord } from '@app/contracts';
import type { Sentence } from './document';
import type { Organisation } from './organisations';
import { matchesOf } from './text/matches';

/**
 * Things put on show: the objects of "showcased / displayed / unveiled / shows / look at ...", or the
 * subject of "... is displayed", kept only when the head noun is a kind of product (battery, drive
 * system, vehicle, aircraft, material). "showcasing new technologies and products" yields nothing.
 */

const TRIGGER =
  /\b(?:show(?:s|ed|n|ing)?|showcas(?:e|es|ed|ing)|display(?:s|ed|ing)?|unveil(?:s|ed|ing)?|exhibit(?:s|ed|ing)?|present(?:s|ed|ing)?|launch(?:es|ed|ing)?|debut(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|premier(?:e|es|ed|ing)|roll(?:s|ed)? out|look(?:s|ed|ing)? at|learn(?:s|ed|ing)? about|view(?:s|ed|ing)?|see|saw|test[- ]dr(?:ive|ove|iving)|brought|featur(?:e|es|ed|ing)|on display:?|(?:photo|picture|image)s? of)\s+/gi;
const PASSIVE =
  /^(?:(?:a|an|the|this|these)\s+)?((?:[\w-]+\s+){0,6}?[\w-]+)\s+(?:(?:developed|made|built|produced|designed)\s+by\s+[^,]+?\s+)?(?:is|was|are|were)\s+(?:being\s+)?(?:displayed|showcased|exhibited|unveiled|shown|presented|on display|on show)\b/i;
const PASSIVE_VERB =
  /\b(?:is|was|are|were)\s+(?:being\s+)?(?:displayed|showcased|exhibited|unveiled|shown|presented|on display|on show)\b/i;
// Words that may open the object but are not part of its name.
const LEADING =
  /^(?:(?:were|was|are|is)\s+)?(?:(?:part|parts|one|some|several|a model|models|a prototype|prototypes) of\s+)?(?:a|an|the|its|their|his|her|our|this|these|two|three|several|some|off)\s+/i;
const STOP =
  /^(?:for|in|at|from|by|with|on|to|of|that|which|who|developed|made|produced|designed|built|powered|equipped|during|as|while|when|where|is|are|was|were|will|has|have|can|could|displayed|exhibited|shown|showcased|unveiled|presented|being|seen|cut|to)$/i;
// Coordinated objects: "a sulfide electrolyte sample and a pouch-type cell", "a truck, a bus".
// A maker in between is skipped: "a battery pack from CATL and a two-wheeler from Yadea".
const NEXT_OBJECT =
  /^(?:\s+(?:from|by|of|made by|developed by)\s+[^,;.]*?)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=(?:a|an|the|its|their|two|three|several)\s)/i;

const HEADS: [RegExp, ExhibitCategory][] = [
  [
    /^(?:drive|drives|e-drive|motor|motors|powertrain|powertrains|e-axle|axle|axles|inverter|inverters|reducer)$/,
    'drive-system',
  ],
  [/^(?:battery|batteries|cell|cells|pack|packs|module|modules)$/, 'battery'],
  [
    /^(?:vehicle|vehicles|car|cars|truck|trucks|tractor|tractors|bus|buses|suv|suvs|sedan|sedans|van|vans|motorcycle|motorcycles|motorbike|motorbikes|two-wheeler|two-wheelers|three-wheeler|three-wheelers|e-bike|e-bikes|tricycle|tricycles|scooter|scooters|minivan|pickup|nev|nevs|ev|evs|loader|loaders|excavator|excavators|ship|ships|boat|boats|vessel|vessels)$/,
    'vehicle',
  ],
  [
    /^(?:aircraft|evtol|evtols|drone|drones|plane|planes|airplane|helicopter|helicopters|airship|craft)$/,
    'aircraft',
  ],
  [
    /^(?:material|materials|cathode|cathodes|anode|anodes|electrolyte|electrolytes|separator|separators|sample|samples|powder|foil|precursor|precursors)$/,
    'material',
  ],
  [/^(?:robot|robots|charger|chargers|pile|piles)$/, 'other'],
];
// Heads that say nothing by themselves ("a sample", "a prototype"): the words before them say what it is.
const GENERIC =
  /^(?:sample|samples|product|products|prototype|prototypes|model|models|version|demonstrator)$/i;
// Single words too vague to name an exhibit on their own.
const VAGUE_SINGLE =
  /^(?:battery|batteries|cell|cells|vehicle|vehicles|car|cars|material|materials|system|systems|pack|packs|module|modules|motor|motors)$/i;

interface Candidate {
  name: string;
  category: ExhibitCategory;
  from: number;
  to: number;
}

export function findExhibits(sentences: Sentence[], orgs: Organisation[]): ExhibitRecord[] {
  const out: ExhibitRecord[] = [];
  const add = (s: Sentence, subject: string, candidate: Candidate) => {
    let name = candidate.name;
    if (GENERIC.test(name)) {
      // "a member of a battery materials research team ... displays a sample"
      const field =
        /\b(?:a|an|the)\s+((?:[\w-]+\s+){1,3}?)(?:research\s+)?(?:team|group|lab|laboratory)\b/i.exec(
          subject,
        );
      if (!field) return;
      name = `${field[1].trim()} ${name}`;
    }
    const existing = out.find((e) => sameExhibit(e.name, name));
    if (existing) {
      if (name.length > existing.name.length) existing.name = name;
      return;
    }
    out.push({ name, maker: makerOf(s, subject, candidate, orgs), category: candidate.category });
  };
  for (const s of sentences) {
    const passive = PASSIVE_VERB.test(s.text) ? PASSIVE.exec(s.text) : null;
    if (passive) {
      const candidate = nounPhrase(passive[1].split(/\s+/), passive.index + passive[0].indexOf(passive[1]));
      if (candidate) add(s, '', candidate);
    }
    for (const m of matchesOf(TRIGGER, s.text)) {
      const subject = s.text.slice(0, m.index);
      for (const candidate of objectsAfter(s.text, m.index + m[0].length)) add(s, subject, candidate);
    }
  }
  return out;
}

/** The noun phrases after a trigger verb whose heads name products, following "and" / comma lists. */
function objectsAfter(text: string, at: number): Candidate[] {
  const out: Candidate[] = [];
  let offset = at;
  for (let guard = 0; guard < 5; guard++) {
    let rest = text.slice(offset);
    const lead = LEADING.exec(rest);
    if (lead) {
      rest = rest.slice(lead[0].length);
      offset += lead[0].length;
    }
    const { words, consumed } = leadingWords(rest);
    // "samples of a high-nickel cathode material": the thing is what the samples are of.
    if (words.length === 1 && GENERIC.test(words[0]) && /^\s+of\s+/i.test(rest.slice(consumed))) {
      offset += consumed + /^\s+of\s+/i.exec(rest.slice(consumed))![0].length;
      continue;
    }
    const candidate = nounPhrase(words, offset);
    if (candidate) out.push(candidate);
    const next = NEXT_OBJECT.exec(rest.slice(consumed));
    if (!next || !words.length) break;
    offset += consumed + next[0].length;
  }
  return out;
}

// A word or a punctuation mark.
const WORD_OR_MARK = /[^\s,.;:()]+|[,.;:()]/g;

/**
 * The words that open `rest`, up to a stop word, a punctuation mark or a year, and where they end.
 * Scanned one word at a time, as they end after a few words.
 */
function leadingWords(rest: string): { words: string[]; consumed: number } {
  const words: string[] = [];
  let consumed = 0;
  WORD_OR_MARK.lastIndex = 0;
  for (let m = WORD_OR_MARK.exec(rest); m; m = WORD_OR_MARK.exec(rest)) {
    const w = m[0];
    if (STOP.test(w) || /^[,.;:()]$/.test(w) || /^\d{4}$/.test(w) || words.length >= 10) break;
    if (w.toLowerCase() === 'and' && /^and\s+(?:a|an|the|its|their)\s/i.test(rest.slice(m.index))) break;
    words.push(w);
    consumed = m.index + w.length;
  }
  return { words, consumed };
}

/**
 * A product noun phrase from its words: the head is the last word, after dropping at most two
 * trailing words that are not plural nouns ("Blade battery pack cut open" -> "Blade battery pack").
 */
function nounPhrase(words: string[], offset: number): Candidate | null {
  const kept = [...words];
  for (let dropped = 0; kept.length && dropped <= 2; dropped++) {
    const category = categoryOf(kept);
    if (category) {
      const name = kept.join(' ');
      return { name, category, from: offset, to: offset + name.length };
    }
    if (/s$/i.test(kept[kept.length - 1])) return null;
    kept.pop();
  }
  return null;
}

function categoryOf(words: string[]): ExhibitCategory | null {
  const lower = words.map((w) => w.toLowerCase());
  const head = lower[lower.length - 1];
  const before = lower.length > 1 ? lower[lower.length - 2] : '';
  if (lower.length === 1 && VAGUE_SINGLE.test(head)) return null;
  if (head === 'system' || head === 'systems' || head === 'unit' || head === 'units') {
    if (/^(?:drive|e-drive|propulsion|powertrain)$/.test(before)) return 'drive-system';
    if (/^(?:storage|battery)$/.test(before)) return 'battery';
    return null;
  }
  if (GENERIC.test(head)) {
    // A bare "sample" is qualified by the caller; "sodium-ion battery prototype" is a battery.
    if (lower.length === 1) return /^samples?$/.test(head) ? 'material' : null;
    for (let i = lower.length - 2; i >= 0; i--) {
      const category = headCategory(lower[i]);
      if (category) return category;
    }
    return null;
  }
  return headCategory(head);
}

function headCategory(word: string): ExhibitCategory | null {
  for (const [re, category] of HEADS) if (re.test(word)) return category;
  return null;
}

/** The maker: "X from/by ORG", "ORG's X", or the organisation that does the showing. */
function makerOf(s: Sentence, subject: string, c: Candidate, orgs: Organisation[]): string | null {
  const mentions = orgs.flatMap((o) =>
    o.mentions.filter((m) => m.sentence === s.index).map((m) => ({ m, o })),
  );
  const after = s.text.slice(c.to);
  const direct =
    /^\s+(?:\w+\s+)?(?:from|by|of|made by|developed by|produced by|built by|displayed by|exhibited by)\s+(?:the\s+)?/i.exec(
      after,
    );
  if (direct) {
    const at = c.to + direct[0].length;
    const hit = mentions.find(({ m }) => m.from === at);
    if (hit) return hit.o.name;
  }
  const possessive = mentions.find(
    ({ m }) => s.text.startsWith("'s", m.to) && m.to <= c.from && c.from - m.to <= 30,
  );
  if (possessive) return possessive.o.name;
  const inSubject = mentions.filter(({ m }) => m.to <= subject.length);
  return inSubject.length ? inSubject[inSubject.length - 1].o.name : null;
}

// Words that say nothing about which exhibit a name is.
const FILLER = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'new', 'its', 'by', 'from']);

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((w) => w && !FILLER.has(w)),
  );
}

/** Two names for one exhibit share at least half of their words. */
function sameExhibit(a: string, b: string): boolean {
  const A = words(a);
  const B = words(b);
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return A.size > 0 && B.size > 0 && inter / (A.size + B.size - inter) >= 0.5;
}
