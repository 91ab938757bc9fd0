import type { OrganisationType } from '@app/contracts';
import type { Sentence } from './document';
import { classifyName, isAcronym, type NameClass } from './organisation-names';
import type { Places } from './places';
import { isCapitalised, tokenize, type Token } from './text/tokens';
import { matchesOf } from './text/matches';

/** One place an organisation is named in the article. */
export interface OrgMention {
  surface: string;
  /** A parenthesised short form right after the name: "Contemporary Amperex Technology Co., Ltd. (CATL)". */
  alias: string | null;
  type: OrganisationType;
  strong: boolean;
  sentence: number;
  from: number;
  to: number;
}

const CONNECTOR = new Set(['of', 'and', 'for', 'the', '&', 'de', 'on']);
const DESIGNATOR_AFTER_COMMA = /^(?:ltd\.?|limited|inc\.?|llc|co\.?|corp\.?|plc|l\.?p\.?)$/i;
// Capitalised only because they open a sentence or a clause.
const OPENER = new Set(
  (
    'The A An In On At According To From With As During Since By For Among It Its This These Those That However ' +
    'Meanwhile Today Yesterday And But Or Of If When While After Before Under Over Through Both Each Every All Some ' +
    'Many Most Other Such Also Led Backed Hosted Organized Organised Sponsored Jointly Located Specific Besides ' +
    'Moreover Currently Recently Last Next Following Representatives Visitors Members Experts Officials Leaders ' +
    'Former Dr Mr Ms Mrs Prof Here There Where Why How What'
  ).split(' '),
);
// Nouns that introduce a list of organisations: "battery makers such as CATL and BYD".
const LIST_BEFORE =
  /\b(?:makers|manufacturers|producers|suppliers|providers|companies|firms|automakers|carmakers|giants|leaders|developers|start-?ups|enterprises|players|operators|brands|institutions|universities|organi[sz]ations|partners|customers|clients|investors|miners|peers|rivals|competitors)\s*,?\s+(?:such as|including|like|namely)\s+/gi;
const LIST_ITEMS = /^(?:[A-Z][\w&.'-]*(?:\s[A-Z(][\w&.'()-]*)*(?:,\s*(?:and\s+)?|\s+and\s+|(?=[\s.,;:]|$)))+/;
const LIST_AFTER =
  /([A-Z][^.;:]*?),?\s+and\s+(?:other|many other|several other|dozens of other|more)\s+(?:institutions|enterprises|companies|firms|organi[sz]ations|makers|manufacturers|automakers|universities|players|partners|suppliers)/g;
// "an analyst at Benchmark Mineral Intelligence", "according to figures from SNE Research":
// what follows a job title or a data source is an organisation.
const ROLE_BEFORE =
  /\b(?:analyst|researcher|professor|economist|scientist|engineer|director|manager|partner|executive|chairman|president|founder|dean|fellow|official|spokes(?:person|man|woman)|head of [a-z ]+?|secretary-general)\s+(?:at|of|with)\s+(?:the\s+)?$|\b(?:figures|data|statistics|estimates|a report|research|a survey)\s+(?:from|by|of)\s+(?:the\s+)?$|\b(?:research|consultancy|consulting|market research|industry research|data|brokerage|investment)\s+(?:firm|company|house|group|provider)\s+$/i;
// Every ROLE_BEFORE ends with one of these, which is cheap to test first.
const ROLE_PREPOSITION = /\b(?:at|of|with|from|by|firm|company|house|group|provider)\s+(?:the\s+)?$/;
// "CATL, a world-leading EV battery provider"
const APPOSITION =
  /^\s*,\s+(?:a|an|the|one of the|one of)\s+(?:[\w-]+\s+){0,5}?(?:maker|manufacturer|producer|supplier|provider|company|firm|automaker|carmaker|giant|leader|developer|start-?up|enterprise|group|player|operator|miner|subsidiary|unit|brand|manufacturers|makers|companies|producers|suppliers)\b/i;
// "CATL's Shenxing battery", "BYD's chairman"
const POSSESSIVE_NOUN =
  /^'s\s+(?:[\w-]+\s+){0,3}?(?:battery|batteries|cells?|plants?|factory|factories|base|chairman|ceo|president|founder|products?|subsidiary|headquarters|shares|revenue|sales|shipments|booth|stand|exhibits?|technology|project|investment)\b/i;
const LOWERCASE_GOVERNMENT =
  /\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(provincial|municipal|city|county|district|prefectural|local)\s+(?:people's\s+)?(government|department|bureau|commission|committee|administration|office)((?:\s+(?:of|for)\s+(?!(?:a|an|the|its|their)\s)[a-z][a-z&\s-]*?[a-z]))?(?=\s*(?:[,.;:)(]|$)|\s+(?:said|says|has|have|had|was|were|is|are|will|to|in|on|at|for|with|which|that|who|and\s+(?:the\s+)?[A-Z])\b)/g;

interface Segment {
  tokens: Token[];
  cls: NameClass | null;
}

export function findOrganisationMentions(sentence: Sentence, places: Places): OrgMention[] {
  const text = sentence.text;
  const tokens = tokenize(text);
  const quoted = text.includes('"') || text.includes('“') ? titleQuotes(text) : [];
  const listed = listRanges(text);
  const titleCase = sentence.headline && isTitleCase(tokens);
  const out: OrgMention[] = [];
  const emit = (
    seg: Token[],
    cls: NameClass | { type: OrganisationType; strong: boolean },
    alias: string | null,
  ) => {
    const from = seg[0].from;
    const to = seg[seg.length - 1].to;
    if (quoted.some(([a, b]) => from >= a && to <= b)) return;
    if (titleCase && !cls.strong && !isAcronym(seg[0].text)) return;
    const surface = text.slice(from, to).replace(/,\s*$/, '');
    if (!cls.strong && places.isPlace(surface)) return;
    out.push({ surface, alias, type: cls.type, strong: cls.strong, sentence: sentence.index, from, to });
  };

  for (let i = 0; i < tokens.length;) {
    if (!isCapitalised(tokens[i].text)) {
      i++;
      continue;
    }
    const end = chunkEnd(tokens, i);
    let chunk = tokens.slice(i, end + 1);
    while (chunk.length && (OPENER.has(chunk[0].text) || CONNECTOR.has(chunk[0].text)))
      chunk = chunk.slice(1);
    const possessive =
      chunk.length > 0 &&
      /'s$/.test(chunk[chunk.length - 1].text) &&
      chunk[chunk.length - 1].text !== "People's";
    if (possessive) chunk = [...chunk.slice(0, -1), stripPossessive(chunk[chunk.length - 1])];
    const alias = possessive ? null : parenthesisedAlias(tokens, end + 1, text);
    const after = text.slice(chunk.length ? chunk[chunk.length - 1].to : 0);
    const segments = resolveSegments(splitOnAnd(chunk));
    segments.forEach((seg, k) => {
      const isLast = k === segments.length - 1;
      if (seg.cls) {
        emit(seg.tokens, seg.cls, isLast ? alias : null);
        return;
      }
      // A phrase that is no name by itself may be one by its context.
      const inList = listed.some(
        ([a, b]) => seg.tokens[0].from >= a && seg.tokens[seg.tokens.length - 1].to <= b,
      );
      const lead = text.slice(Math.max(0, seg.tokens[0].from - 60), seg.tokens[0].from);
      const afterRole = k === 0 && ROLE_PREPOSITION.test(lead.slice(-12)) && ROLE_BEFORE.test(lead);
      const byContext =
        inList ||
        afterRole ||
        (isLast && (APPOSITION.test(after) || (possessive && POSSESSIVE_NOUN.test(after))));
      if (byContext && looksLikeName(seg.tokens)) {
        emit(
          seg.tokens,
          { type: afterRole && !inList ? 'other' : 'company', strong: false },
          isLast ? alias : null,
        );
      }
    });
    i = end + 1;
  }

  const lowercaseGovernment =
    /(?:provincial|municipal|city|county|district|prefectural|local)\s+(?:people's\s+)?(?:government|department|bureau|commission|committee|administration|office)/.test(
      text,
    );
  for (const m of lowercaseGovernment ? matchesOf(LOWERCASE_GOVERNMENT, text) : []) {
    if (OPENER.has(m[1].split(' ')[0])) continue;
    const from = m.index;
    const to = m.index + m[0].length;
    if (out.some((o) => from < o.to && to > o.from)) continue;
    out.push({
      surface: m[0],
      alias: null,
      type: 'government',
      strong: true,
      sentence: sentence.index,
      from,
      to,
    });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Index of the last token of the capitalised phrase starting at `i`. */
function chunkEnd(tokens: Token[], i: number): number {
  let j = i;
  for (;;) {
    const next = tokens[j + 1];
    if (!next) return j;
    if (isCapitalised(next.text) && !OPENER.has(next.text)) {
      j++;
      continue;
    }
    if (CONNECTOR.has(next.text)) {
      let k = j + 1;
      while (k < tokens.length && CONNECTOR.has(tokens[k].text) && k - j <= 2) k++;
      if (
        tokens[k] &&
        isCapitalised(tokens[k].text) &&
        !OPENER.has(tokens[k].text) &&
        !(tokens[k - 1].text === 'and' && tokens[k + 1]?.text === '(')
      ) {
        j = k;
        continue;
      }
      return j;
    }
    // "BTR (Jiangsu) New Material ...": a parenthesised place inside a name
    if (
      next.text === '(' &&
      tokens[j + 3]?.text === ')' &&
      isCapitalised(tokens[j + 2].text) &&
      !isAcronym(tokens[j + 2].text)
    ) {
      if (tokens[j + 4] && isCapitalised(tokens[j + 4].text)) {
        j += 4;
        continue;
      }
      return j;
    }
    // "Co., Ltd."
    if (next.text === ',' && tokens[j + 2] && DESIGNATOR_AFTER_COMMA.test(tokens[j + 2].text)) {
      j += 2;
      continue;
    }
    return j;
  }
}

function parenthesisedAlias(tokens: Token[], at: number, text: string): string | null {
  if (tokens[at]?.text !== '(') return null;
  const close = tokens.findIndex((t, k) => k > at && t.text === ')');
  if (close < 0 || close - at > 4) return null;
  const inner = text.slice(tokens[at + 1].from, tokens[close - 1].to);
  return /\p{Lu}/u.test(inner) && inner.length <= 30 ? inner : null;
}

function splitOnAnd(chunk: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of chunk) {
    if (t.text === 'and') parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts
    .map((p) => {
      while (p.length && (CONNECTOR.has(p[0].text) || OPENER.has(p[0].text))) p.shift();
      while (p.length && CONNECTOR.has(p[p.length - 1].text)) p.pop();
      return p;
    })
    .filter((p) => p.length);
}

/**
 * Re-joins what "and" split wrongly: "Ministry of Industry" + "Information Technology" (a complement
 * continued), "Sichuan Provincial Economic" + "Information Department" (a shared head).
 */
function resolveSegments(parts: Token[][]): Segment[] {
  const segs: Segment[] = parts.map(withoutLeadIn);
  const out: Segment[] = [];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const prev = out[out.length - 1];
    const next = segs[k + 1];
    if (seg.cls && !seg.cls.strong && prev?.cls?.open) {
      prev.tokens = joinTokens(prev.tokens, seg.tokens);
      continue;
    }
    if (!seg.cls && prev?.cls?.open) {
      prev.tokens = joinTokens(prev.tokens, seg.tokens);
      continue;
    }
    if (!seg.cls && next?.cls?.headFinal) {
      next.tokens = joinTokens(seg.tokens, next.tokens);
      next.cls = classifyName(next.tokens.map((t) => t.text));
      continue;
    }
    // "BYD and Nio": a name coordinated with a company is one too.
    if (
      !seg.cls &&
      seg.tokens.length <= 2 &&
      (prev?.cls?.type === 'company' || next?.cls?.type === 'company') &&
      looksLikeName(seg.tokens)
    ) {
      seg.cls = { type: 'company', strong: false, open: false, headFinal: false };
    }
    out.push(seg);
  }
  return out;
}

/** "CEO of Hive Energy Technology Co., Ltd.": a capitalised lead-in before "of" is not part of the name. */
function withoutLeadIn(tokens: Token[]): Segment {
  const cls = classifyName(tokens.map((t) => t.text));
  if (cls) return { tokens, cls };
  const of = tokens.findIndex((t, k) => k > 0 && (t.text === 'of' || t.text === 'for'));
  if (of < 0) return { tokens, cls };
  let tail = tokens.slice(of + 1);
  while (tail.length && CONNECTOR.has(tail[0].text)) tail = tail.slice(1);
  const tailCls = classifyName(tail.map((t) => t.text));
  return tailCls ? { tokens: tail, cls: tailCls } : { tokens, cls };
}

/** The joined name's surface runs from the first token to the last, "and" included. */
function joinTokens(a: Token[], b: Token[]): Token[] {
  return [...a, ...b];
}

function stripPossessive(t: Token): Token {
  return { text: t.text.slice(0, -2), from: t.from, to: t.to - 2 };
}

/** A short capitalised phrase that could be a company name (not a common word, not a month). */
function looksLikeName(tokens: Token[]): boolean {
  if (tokens.length > 4) return false;
  return tokens.every(
    (t) =>
      isCapitalised(t.text) &&
      !OPENER.has(t.text) &&
      !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(
        t.text,
      ),
  );
}

function listRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of /such as|including|like|namely/.test(text) ? matchesOf(LIST_BEFORE, text) : []) {
    const start = m.index + m[0].length;
    // The list runs while items are capitalised names separated by commas or "and".
    const items = LIST_ITEMS.exec(text.slice(start));
    if (items) out.push([start, start + items[0].length]);
  }
  // The pattern is costly to run from every capital, so look for its anchor first.
  if (!/\band (?:other|many other|several other|dozens of other|more) [a-z]/.test(text)) return out;
  for (const m of matchesOf(LIST_AFTER, text)) {
    const items = /(?:[A-Z][\w&.'-]*(?:\s[A-Z(][\w&.'()-]*)*(?:,\s*(?:and\s+)?|\s+and\s+)?)+$/.exec(m[1]);
    if (items) out.push([m.index + items.index, m.index + m[1].length]);
  }
  return out;
}

/** Quoted titles ("2022 ... Declaration", a forum's name) are names of things, not organisations. */
function titleQuotes(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of matchesOf(/[“"]([^”"]{3,200})[”"]/g, text)) {
    const words = m[1].split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    const caps = words.filter((w) => isCapitalised(w)).length;
    if (words.length && caps / words.length >= 0.6) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  return words.length > 0 && words.filter((t) => isCapitalised(t.text)).length / words.length > 0.6;
}
