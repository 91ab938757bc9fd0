/**
 * Strips what surrounds the story but is not part of it: related-article lists, photo and agency
 * credits, contact and source lines, snippet notices, editor lines. Organisations named only there
 * must not reach the record, so this runs before anything is recognised.
 */

// A heading after which the page lists other stories: everything from it on is dropped.
const TAIL_HEADING =
  /^(?:read (?:these|this|more|also|next)(?: next)?|related(?: articles| stories| news| reading| coverage)?|more (?:stories|news|from|photos|videos|pictures)|see also|you may also like|recommended(?: for you| stories)?|most (?:read|popular)|trending|further reading)\s*:?\s*$/i;

// A press release's closing "About CALB" section describes the issuer, not the news.
const ABOUT_HEADING = /^About (?:the )?[A-Z][^.!?]{1,60}$/;

// Whole lines that are credits or contacts, never content.
const DROP_LINE = [
  /^(?:media |press )?contacts?\b/i,
  /^(?:tel|phone|telephone|fax|e-?mail|website|web|wechat)\s*[:：]/i,
  /^(?:source|sources|editor|editors|edited by|reporter|reporters|writer|written by|author|translator|translated by|proofread by|reviewed by|photo|photos|image|images|video|graphic|copyright|©)\b\s*[:：/]?/i,
  /^\(?(?:photo|image|picture)s?\s+(?:by|courtesy|credit|provided|from)\b/i,
  /^all rights reserved\b/i,
  /^(?:(?:additional )?reporting|writing|editing|compiled|produced) by\b/i,
  /^\(?end\)?\.?$/i,
  /\bsnippet accompanying this\b/i,
  /\bavailable by clicking\b/i,
  /^(?:click|tap) (?:here|to)\b/i,
  /^(?:share|tags?|keywords?)\s*:/i,
  /^[\w.+-]+@[\w-]+\.[\w.]+$/, // a bare e-mail address
];

// Credits and notices inside a line.
// Each with a cheap test that rules most lines out before the pattern runs.
const INLINE: [RegExp, RegExp][] = [
  // (Xinhua/Tang Wenhao), (Photo by ...), (Photo: ...), (IC Photo)
  [
    /\(/,
    /\s*\((?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\/[^()]{1,60}|photo[^()]{0,80}|[^()]{0,40}\bphoto|[^()]{0,60}\b(?:reporter|correspondent|editor)\b[^()]{0,60})\)/gi,
  ],
  // "Photo courtesy of the organizer", "Photo provided by ..."
  [
    /photo|image|picture/i,
    /\s*\b(?:photo|image|picture)s?\s+(?:courtesy of|provided by|by|credit:?|source:?)\s+[^.]{1,60}(?:\.|$)/gi,
  ],
  [/\)\s*$/, /\s*\((?:end|ends)\)\s*$/gi],
];

export function stripBoilerplate(body: string): string {
  const kept: string[] = [];
  for (const rawLine of body.split('\n')) {
    const line = rawLine.trim();
    if (TAIL_HEADING.test(line) || ABOUT_HEADING.test(line)) break;
    if (DROP_LINE.some((re) => re.test(line))) continue;
    let cleaned = line;
    for (const [maybe, re] of INLINE) if (maybe.test(cleaned)) cleaned = cleaned.replace(re, '');
    kept.push(cleaned.trim());
  }
  return kept.join('\n');
}
