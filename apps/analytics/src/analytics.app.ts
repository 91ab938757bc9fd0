import { NestExpressApplication } from '@nestjs/platform-express';
import { consumeParsedArticles, createServiceApp } from '@app/platform';
import { AnalyticsConfig } from './analytics.config';
import { ObservationsModule } from './observations/observations.module';

export async function createAnalyticsApp(
  env: Record<string, string | undefined>,
): Promise<NestExpressApplication> {
  const app = await createServiceApp({
    service: 'analytics',
    description:
      'Investment and production figures of the power-battery industry, reconciled across articles.',
    config: AnalyticsConfig,
    env,
    imports: [ObservationsModule],
  });
  consumeParsedArticles(app, 'analytics', app.get(AnalyticsConfig));
  return app;
}
