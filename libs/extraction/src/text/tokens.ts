/** Word and punctuation tokens with their character offsets. */
export interface Token {
  text: string;
  from: number;
  to: number;
}

// Abbreviations whose final dot belongs to the word.
const KEEP_DOT =
  /^(?:co|ltd|inc|corp|jr|sr|st|no|dr|mr|ms|mrs|prof|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\.$|\.[A-Za-z]\.$/i;
const PUNCTUATION = new Set(['(', ')', ',', ';', ':', '"', '“', '”']);

/**
 * Words start with a letter, digit or "$" and go on through letters, digits and ' & . -; the
 * punctuation that matters for names is kept as one-character tokens. A hand-written scanner,
 * because this runs over every sentence.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (PUNCTUATION.has(c)) {
      out.push({ text: c, from: i, to: i + 1 });
      i++;
      continue;
    }
    if (!isWordStart(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordPart(text[j])) j++;
    let word = text.slice(i, j);
    // A sentence-final or clause-final dot is punctuation unless the word is an abbreviation.
    while (word.length > 1 && endsInPunctuation(word) && !KEEP_DOT.test(word)) word = word.slice(0, -1);
    out.push({ text: word, from: i, to: i + word.length });
    i = j;
  }
  return out;
}

function isLetterOrDigit(c: string): boolean {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || (k >= 0xc0 && k <= 0x24f);
}

function isWordStart(c: string): boolean {
  return c === '$' || isLetterOrDigit(c);
}

function isWordPart(c: string): boolean {
  return isLetterOrDigit(c) || c === "'" || c === '&' || c === '.' || c === '-';
}

function endsInPunctuation(word: string): boolean {
  const c = word.charCodeAt(word.length - 1);
  return c === 46 || c === 45 || c === 39; // . - '
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c >= 48 && c <= 57) return /^\d+[A-Z]/.test(word); // "3M"
  return c >= 0xc0 && c <= 0x24f && word[0] !== word[0].toLowerCase();
}
