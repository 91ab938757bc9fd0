import { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp } from '@app/platform';
import { ArticlesModule } from './articles/articles.module';
import { IngestConfig } from './ingest.config';

export function createIngestApp(env: Record<string, string | undefined>): Promise<NestExpressApplication> {
  return createServiceApp({
    service: 'ingest',
    description: 'Submit articles about the power-battery industry; each becomes one parsed-article event.',
    config: IngestConfig,
    env,
    imports: [ArticlesModule],
    bodyLimit: (config) => config.BODY_LIMIT,
  });
}
