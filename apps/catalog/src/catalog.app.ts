import { NestExpressApplication } from '@nestjs/platform-express';
import { consumeParsedArticles, createServiceApp } from '@app/platform';
import { ArticlesModule } from './articles/articles.module';
import { CatalogConfig } from './catalog.config';

export async function createCatalogApp(
  env: Record<string, string | undefined>,
): Promise<NestExpressApplication> {
  const app = await createServiceApp({
    service: 'catalog',
    description: 'Conference editions, organisations, exhibits and people read from power-battery coverage.',
    config: CatalogConfig,
    env,
    imports: [ArticlesModule],
  });
  consumeParsedArticles(app, 'catalog', app.get(CatalogConfig));
  return app;
}
