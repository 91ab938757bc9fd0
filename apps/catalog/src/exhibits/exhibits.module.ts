import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { ExhibitViews } from './exhibit-views';
import { ExhibitsController } from './exhibits.controller';

@Module({
  imports: [CatalogStoreModule, ArticlesModule, OrganisationsModule],
  controllers: [ExhibitsController],
  providers: [ExhibitViews],
  exports: [ExhibitViews],
})
export class ExhibitsModule {}
