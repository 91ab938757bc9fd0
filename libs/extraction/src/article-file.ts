import type { ArticleText } from './article';

const HEADER = /^(title|headline|published|publishedAt|published_at|date|source|url|link)\s*:\s*(.*)$/i;

/**
 * Splits optional `key: value` header lines (title, published/date/publishedAt, source, url) from the
 * body. Headers end at the first line that is not one; a blank line after them is dropped.
 */
export function parseArticleFile(raw: string): ArticleText {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const article: ArticleText = { body: '' };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]);
    if (!m) break;
    const key = m[1].toLowerCase();
    const value = m[2].trim() || null;
    if (key === 'title' || key === 'headline') article.title = value;
    else if (key === 'source') article.source = value;
    else if (key === 'url' || key === 'link') article.url = value;
    else article.publishedAt = value;
  }
  article.body = lines.slice(i).join('\n').trim();
  return article;
}
