import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { PeopleController } from './people.controller';
import { PersonViews } from './person-views';

@Module({
  imports: [CatalogStoreModule, ArticlesModule, OrganisationsModule],
  controllers: [PeopleController],
  providers: [PersonViews],
  exports: [PersonViews],
})
export class PeopleModule {}
