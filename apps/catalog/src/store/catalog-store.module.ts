import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogArticle, CatalogArticleSchema } from '../articles/catalog-article.schema';
import { Edition, EditionSchema } from '../editions/edition.schema';
import { Exhibit, ExhibitSchema } from '../exhibits/exhibit.schema';
import { OrganisationKey, OrganisationKeySchema } from '../organisations/organisation-key.schema';
import { Organisation, OrganisationSchema } from '../organisations/organisation.schema';
import { Person, PersonSchema } from '../people/person.schema';
import { ArticleVersion, ArticleVersionSchema } from '../projection/article-version.schema';
import { PendingVersions, PendingVersionsSchema } from '../projection/pending-version.schema';
import { CatalogCollections } from './catalog-collections';
import { EntityLock, EntityLocks, EntityLockSchema } from './entity-locks';

/** Every collection of the catalog: the projection writes them all, the feature modules read them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CatalogArticle.name, schema: CatalogArticleSchema },
      { name: Edition.name, schema: EditionSchema },
      { name: Organisation.name, schema: OrganisationSchema },
      { name: OrganisationKey.name, schema: OrganisationKeySchema },
      { name: Exhibit.name, schema: ExhibitSchema },
      { name: Person.name, schema: PersonSchema },
      { name: PendingVersions.name, schema: PendingVersionsSchema },
      { name: ArticleVersion.name, schema: ArticleVersionSchema },
      { name: EntityLock.name, schema: EntityLockSchema },
    ]),
  ],
  providers: [CatalogCollections, EntityLocks],
  exports: [MongooseModule, CatalogCollections, EntityLocks],
})
export class CatalogStoreModule {}
