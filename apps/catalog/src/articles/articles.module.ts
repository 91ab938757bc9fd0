import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleProjection } from './article-projection';
import { ArticlesController } from './articles.controller';
import { CatalogArticle, CatalogArticleSchema } from './catalog-article.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: CatalogArticle.name, schema: CatalogArticleSchema }])],
  controllers: [ArticleProjection, ArticlesController],
})
export class ArticlesModule {}
