import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { OrganisationCuration } from './organisation-curation';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationMerger } from './organisation-merger';
import { OrganisationResolver } from './organisation-resolver';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [CatalogStoreModule, ArticlesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationDirectory, OrganisationMerger, OrganisationResolver, OrganisationCuration],
  exports: [OrganisationDirectory, OrganisationResolver],
})
export class OrganisationsModule {}
