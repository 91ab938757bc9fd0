/**
 * Every match of a global pattern, as `[...text.matchAll(re)]` gives them. `matchAll` clones the
 * pattern on each call, and in V8 the clone costs about as much as scanning a whole sentence; the
 * extractor runs hundreds of scans per article, so it loops over `exec` on the pattern itself.
 * The matches are collected before they are returned, so a caller may reuse the pattern while
 * going through them.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global pattern: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over it, as matchAll does.
    if (!m[0]) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  return out;
}

/** The index after the character at `at`: a surrogate pair is one character in a unicode pattern. */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const lead = text.charCodeAt(at);
  const trail = text.charCodeAt(at + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? at + 2 : at + 1;
}
