import { NestExpressApplication } from '@nestjs/platform-express';
import { consumeParsedArticles, createServiceApp } from '@app/platform';
import { ArticlesModule } from './articles/articles.module';
import { CatalogConfig } from './catalog.config';
import { EditionsModule } from './editions/editions.module';
import { ExhibitsModule } from './exhibits/exhibits.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PeopleModule } from './people/people.module';
import { ProjectionModule } from './projection/projection.module';

export async function createCatalogApp(
  env: Record<string, string | undefined>,
): Promise<NestExpressApplication> {
  const app = await createServiceApp({
    service: 'catalog',
    description:
      'Conference editions, organisations, exhibits and people read from power-battery coverage, ' +
      'each fact with the articles it came from.',
    config: CatalogConfig,
    env,
    imports: [
      ArticlesModule,
      EditionsModule,
      OrganisationsModule,
      ExhibitsModule,
      PeopleModule,
      ProjectionModule,
    ],
  });
  consumeParsedArticles(app, 'catalog', app.get(CatalogConfig));
  return app;
}
