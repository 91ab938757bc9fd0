import type { ArticleText } from './article';
import { normaliseDate } from './dates';
import { stripBoilerplate } from './text/boilerplate';
import { readDateline } from './text/dateline';
import { readMetadata } from './text/metadata';
import { splitSentences } from './text/sentences';

export interface Sentence {
  text: string;
  /** Position in the article, 0 for the first sentence. */
  index: number;
  paragraph: number;
  /** Title-case headlines capitalise every word, so name recognition treats them with suspicion. */
  headline: boolean;
}

/** The article cleaned and split, with what the dateline and headers said about it. */
export interface ArticleDocument {
  sentences: Sentence[];
  publishedAt: string | null;
  datelineCity: string | null;
  /** Month and day of a dateline that gives no year. */
  datelineMonthDay: [number, number] | null;
}

export function prepareDocument(article: ArticleText): ArticleDocument {
  const body = normaliseTypography(article.body ?? '');
  const metadata = readMetadata(body);
  const { published, monthDay, city, rest } = readDateline(metadata.rest.trimStart());
  const paragraphs = stripBoilerplate(rest)
    .split('\n')
    .map((p) => (/\s\s|\t/.test(p) ? p.replace(/\s+/g, ' ') : p).trim())
    .filter(Boolean);
  const title = article.title ? normaliseTypography(article.title).trim() : null;
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);

  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, p) => {
    const headline = p === 0 && isHeadline(paragraph);
    for (const text of headline ? [paragraph] : splitSentences(paragraph)) {
      sentences.push({ text, index: sentences.length, paragraph: p, headline });
    }
  });
  return {
    sentences,
    publishedAt: normaliseDate(article.publishedAt) ?? published ?? metadata.published,
    datelineCity: city,
    datelineMonthDay: monthDay,
  };
}

function normaliseTypography(s: string): string {
  // Most articles have none of these: looking for one character is cheaper than a replace.
  const lines = s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  const quotes = lines.replace(/[’‘`]/g, "'");
  return quotes.includes('\u00a0') ? quotes.replace(/\u00a0/g, ' ') : quotes;
}

function isHeadline(paragraph: string): boolean {
  return !/[.!?]["'”)]?$/.test(paragraph) && paragraph.split(' ').length <= 30;
}
