/** An article as the parser receives it: the body, plus whatever the caller knows about it. */
export interface ArticleText {
  body: string;
  title?: string | null;
  publishedAt?: string | null;
  source?: string | null;
  url?: string | null;
}
