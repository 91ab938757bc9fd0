export * from './extraction-record';
export * from './parsed-article.event';
export * from './topics';
export * from './decode';
