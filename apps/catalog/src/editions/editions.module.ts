import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ExhibitsModule } from '../exhibits/exhibits.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { EditionsController } from './editions.controller';

@Module({
  imports: [CatalogStoreModule, ArticlesModule, OrganisationsModule, ExhibitsModule, PeopleModule],
  controllers: [EditionsController],
})
export class EditionsModule {}
