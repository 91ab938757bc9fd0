import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { normaliseDate, parseArticleFile } from '@app/extraction';
import { fieldErrors } from '@app/platform';
import { ArticleInputDto } from './article-input.dto';

export type FieldErrors = Record<string, string[]>;
export type Checked = { ok: true; article: ArticleInputDto } | { ok: false; fields: FieldErrors };

/** Validates one article with the same rules the HTTP layer applies, for batch items and plain text. */
export function checkArticle(plain: unknown): Checked {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, fields: { article: ['must be a JSON object'] } };
  }
  const article = plainToInstance(ArticleInputDto, plain);
  const errors = validateSync(article, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { ok: true, article };
  return { ok: false, fields: fieldErrors(errors) };
}

/**
 * Reads a plain-text submission: optional `key: value` headers (title, published, source, url), then
 * the body. Without a title header the first line stands for the title.
 */
export function articleFromText(text: string): Record<string, unknown> {
  const parsed = parseArticleFile(text);
  const firstLine = parsed.body.split('\n', 1)[0]?.trim() ?? '';
  const article: Record<string, unknown> = {
    title: parsed.title ?? firstLine.slice(0, 300),
    body: parsed.body,
  };
  if (parsed.source) article.source = parsed.source;
  if (parsed.url) article.url = parsed.url;
  // A header date may be written out ("July 24, 2022"); one that cannot be read stays as it is and fails validation.
  if (parsed.publishedAt) article.publishedAt = normaliseDate(parsed.publishedAt) ?? parsed.publishedAt;
  return article;
}
