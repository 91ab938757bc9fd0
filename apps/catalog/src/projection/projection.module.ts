import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { CatalogProjection } from './catalog-projection';
import { CatalogWriter } from './catalog-writer';

@Module({
  imports: [CatalogStoreModule, OrganisationsModule],
  controllers: [CatalogProjection],
  providers: [CatalogWriter],
})
export class ProjectionModule {}
