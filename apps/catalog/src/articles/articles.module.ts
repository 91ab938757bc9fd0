import { Module } from '@nestjs/common';
import { CatalogStoreModule } from '../store/catalog-store.module';
import { ArticleContributionsReader } from './article-contributions-reader';
import { ArticlesController } from './articles.controller';

@Module({
  imports: [CatalogStoreModule],
  controllers: [ArticlesController],
  providers: [ArticleContributionsReader],
  exports: [ArticleContributionsReader],
})
export class ArticlesModule {}
