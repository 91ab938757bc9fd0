import { NestExpressApplication } from '@nestjs/platform-express';
import { consumeParsedArticles, createServiceApp } from '@app/platform';
import { AnalyticsConfig } from './analytics.config';
import { DashboardModule } from './dashboard/dashboard.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObservationsModule } from './observations/observations.module';
import { ProjectionModule } from './projection/projection.module';

export async function createAnalyticsApp(
  env: Record<string, string | undefined>,
): Promise<NestExpressApplication> {
  const app = await createServiceApp({
    service: 'analytics',
    description:
      'Investment and production figures of the power-battery industry, reconciled across articles, ' +
      'each with the articles and sentences it came from. Lists answer JSON or CSV (`?format=csv` or ' +
      "`Accept: text/csv`); the analysts' dashboard is at /dashboard.",
    config: AnalyticsConfig,
    env,
    imports: [ProjectionModule, ObservationsModule, MetricsModule, DashboardModule],
  });
  consumeParsedArticles(app, 'analytics', app.get(AnalyticsConfig));
  return app;
}
