/** Word and punctuation tokens with their character offsets. */
export interface Token {
  text: string;
  from: number;
  to: number;
}

const TOKEN = /[\p{L}\p{N}$][\p{L}\p{N}'&.\-]*|[(),;:"“”]/gu;
// Abbreviations whose final dot belongs to the word.
const KEEP_DOT =
  /^(?:co|ltd|inc|corp|jr|sr|st|no|dr|mr|ms|mrs|prof|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\.$|\.[\p{L}]\.$/iu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // A sentence-final or clause-final dot is punctuation unless the word is an abbreviation.
    while (word.length > 1 && /[.\-']$/.test(word) && !KEEP_DOT.test(word)) word = word.slice(0, -1);
    out.push({ text: word, from: m.index, to: m.index + word.length });
  }
  return out;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^\d+\p{Lu}/u.test(word);
}
