/** Word and punctuation tokens with their character offsets. */
export interface Token {
  text: string;
  from: number;
  to: number;
}

// Abbreviations whose final dot belongs to the word.
const KEEP_DOT =
  /^(?:co|ltd|inc|corp|jr|sr|st|no|dr|mr|ms|mrs|prof|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\.$|\.[A-Za-z]\.$/i;

/**
 * Words start with a letter, digit or "$" and go on through letters, digits and ' & . -; the
 * punctuation that matters for names is kept as one-character tokens. A hand-written scanner over
 * character codes, because this runs over every sentence.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isPunctuation(c)) {
      out.push({ text: text[i], from: i, to: i + 1 });
      i++;
      continue;
    }
    if (!isWordStart(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordPart(text.charCodeAt(j))) j++;
    // A sentence-final or clause-final dot is punctuation unless the word is an abbreviation.
    let end = j;
    while (end - i > 1 && endsInPunctuation(text.charCodeAt(end - 1)) && !keepsDot(text, i, end)) end--;
    out.push({ text: text.slice(i, end), from: i, to: end });
    i = j;
  }
  return out;
}

/** Whether the word ends in an abbreviation's dot (only a dot can be one). */
function keepsDot(text: string, from: number, to: number): boolean {
  return text.charCodeAt(to - 1) === 46 && KEEP_DOT.test(text.slice(from, to));
}

// ( ) , ; : " “ ”
function isPunctuation(c: number): boolean {
  return c === 40 || c === 41 || c === 44 || c === 59 || c === 58 || c === 34 || c === 0x201c || c === 0x201d;
}

function isLetterOrDigit(k: number): boolean {
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || (k >= 0xc0 && k <= 0x24f);
}

function isWordStart(c: number): boolean {
  return c === 36 || isLetterOrDigit(c); // $
}

function isWordPart(c: number): boolean {
  return isLetterOrDigit(c) || c === 39 || c === 38 || c === 46 || c === 45; // ' & . -
}

function endsInPunctuation(c: number): boolean {
  return c === 46 || c === 45 || c === 39; // . - '
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c >= 48 && c <= 57) return /^\d+[A-Z]/.test(word); // "3M"
  return c >= 0xc0 && c <= 0x24f && word[0] !== word[0].toLowerCase();
}
