import type { PersonRecord } from '@app/contracts';
import type { Sentence } from './document';
import type { OrgMention } from './organisation-mentions';
import { classifyName } from './organisation-names';
import type { Places } from './places';
import { matchesOf } from './text/matches';

/**
 * People quoted or named with their role: "Wu Kai, chief scientist of X, said", "according to
 * Huang Xiaowei, academician of X and director of Y", "X chairman Zeng Yuqun said". A name is two to
 * four capitalised words and must stand next to a job title, so that places and products are not taken.
 */

const TITLES = (
  'academician professor president vice-president chairman chairwoman chairperson chair ceo cto cfo coo director ' +
  'director-general deputy manager secretary secretary-general mayor governor minister head chief scientist engineer ' +
  'founder co-founder executive officer researcher expert analyst spokesperson spokesman spokeswoman member official ' +
  'dean partner leader fellow principal representative commissioner counselor counsellor adviser advisor consultant ' +
  'lecturer senior vice party general foreign honorary'
).split(' ');
// Case-insensitive on the first letter only: the name part must stay case-sensitive.
const TITLE_WORD = `(?:${TITLES.map((t) => `[${t[0]}${t[0].toUpperCase()}]${t.slice(1)}`).join('|')}|CEO|CTO|CFO|COO)`;
// Latin letters with accents, as character ranges: much faster than Unicode property classes.
const UPPER = 'A-Z\\u00C0-\\u00DE';
const LOWER = 'a-z\\u00DF-\\u00FF';
const NAME = String.raw`([${UPPER}][${LOWER}'-]+(?:\s(?:[${UPPER}]\.|[${UPPER}][${LOWER}'-]+)){1,3})`;
// "Name, [a|an|the] title ... ," — the apposition ends at a comma that is not part of "Co., Ltd.".
const NAME_THEN_TITLE = new RegExp(
  String.raw`${NAME},\s+((?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?${TITLE_WORD}\b(?:[^,]|,\s*(?:Ltd|Inc|Limited|LLC|Co)\b)*)`,
  'g',
);
const TITLE_THEN_NAME = new RegExp(
  String.raw`\b((?:${TITLE_WORD}\s+){1,3})${NAME}(?=\s+(?:of|at)\s|\s+[a-z]|,)`,
  'g',
);
const NOT_NAME_WORD =
  /^(?:The|A|An|In|On|At|And|Of|For|To|With|By|From|As|According|Chinese|China|New|World|Power|Battery|Energy|National|International|Industry|Conference|Forum|University|Academy|Institute|Ministry|Government|Group|Company|Technology|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Province|City|County|Mr|Ms|Dr|Prof)$/;
const TWO_CAPITALISED = /[A-Z][a-z]+ [A-Z][a-z]+/;
const ROLE_START = new RegExp(String.raw`^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?${TITLE_WORD}\b`);
// Honorary memberships keep "of <body>" in the title; job titles give the body as the affiliation only.
const MEMBERSHIP = /^(?:(?:foreign|honorary)\s+)?(?:academician|member|fellow)\b/i;

export function findPeople(sentences: Sentence[], orgs: OrgMention[], places: Places): PersonRecord[] {
  const people = new Map<string, PersonRecord>();
  const add = (name: string, title: string, affiliation: string | null) => {
    const existing = people.get(name);
    if (!existing) people.set(name, { name, title: title || null, affiliation });
    else {
      if ((title?.length ?? 0) > (existing.title?.length ?? 0)) existing.title = title;
      existing.affiliation ??= affiliation;
    }
  };
  for (const s of sentences) {
    // Both patterns need two capitalised words in a row; most sentences have none outside names.
    if (!TWO_CAPITALISED.test(s.text)) continue;
    const inSentence = orgs.filter((o) => o.sentence === s.index);
    const isOrgText = (from: number, to: number) => inSentence.some((o) => from < o.to && to > o.from);
    for (const m of matchesOf(NAME_THEN_TITLE, s.text)) {
      const name = cleanName(m[1]);
      const nameFrom = m.index + m[0].indexOf(m[1]) + (m[1].length - name.length);
      if (!name || isOrgText(nameFrom, nameFrom + name.length) || places.isPlace(name)) continue;
      const apposFrom = m.index + m[0].length - m[2].length;
      const appos = m[2].replace(/^(?:a|an|the|its|his|her|their)\s+/i, '').replace(/[,.;\s]+$/, '');
      const org = inSentence.find((o) => o.from >= apposFrom && o.from < apposFrom + m[2].length);
      add(name, titleOf(appos, org?.surface ?? null), org?.surface ?? null);
    }
    for (const m of matchesOf(TITLE_THEN_NAME, s.text)) {
      const name = cleanName(m[2]);
      const titleFrom = m.index;
      if (!name || places.isPlace(name)) continue;
      // "CATL chairman Zeng Yuqun": the organisation just before the title is the affiliation;
      // "Professor Guo Xiaodong of the School of ...": the one just after the name.
      const nameEnd = m.index + m[0].length;
      const org =
        inSentence.find((o) => o.to <= titleFrom && /^\s*(?:'s)?\s*$/.test(s.text.slice(o.to, titleFrom))) ??
        inSentence.find(
          (o) => o.from > nameEnd && /^\s+(?:of|at)\s+(?:the\s+)?$/.test(s.text.slice(nameEnd, o.from)),
        );
      add(name, m[1].trim().toLowerCase(), org?.surface ?? null);
    }
  }
  return [...people.values()];
}

/** Trims words that cannot be part of a name ("According to Huang Xiaowei" -> "Huang Xiaowei"). */
function cleanName(raw: string): string {
  const words = raw.split(/\s+/);
  while (words.length && NOT_NAME_WORD.test(words[0])) words.shift();
  if (words.length < 2 || words.length > 4 || words.some((w) => NOT_NAME_WORD.test(w))) return '';
  // "Ouyang Minggao Workstation" is an organisation named after a person.
  if (classifyName(words)) return '';
  return words.join(' ');
}

function titleOf(appos: string, org: string | null): string {
  // Several roles: "academician of X and director of Y" -> "academician of X; director of Y",
  // but "chairman and CEO of X" is one.
  const roles: string[] = [];
  let rest = appos;
  for (let m = /\s+and\s+/.exec(rest); m; m = /\s+and\s+/.exec(rest)) {
    const left = rest.slice(0, m.index);
    if (!/\s(?:of|at)\s/.test(left) || !ROLE_START.test(rest.slice(m.index + m[0].length))) break;
    roles.push(left);
    rest = rest.slice(m.index + m[0].length);
  }
  roles.push(rest);
  if (roles.length > 1 || MEMBERSHIP.test(appos) || !org) return roles.join('; ');
  const idx = appos.indexOf(org.replace(/\.$/, ''));
  return idx > 0
    ? appos
        .slice(0, idx)
        .replace(/\s+(?:of|at|with|from)\s+(?:the\s+)?$/i, '')
        .trim()
    : appos;
}
