import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { Request, Response, NextFunction } from 'express';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleIngestion } from './article-ingestion.service';
import { StoredArticle, StoredArticleSchema } from './article.schema';
import { ArticlesController } from './articles.controller';
import { articleFromText } from './article-validation';
import { EventPublisher } from './event-publisher';

@Module({
  imports: [MongooseModule.forFeature([{ name: StoredArticle.name, schema: StoredArticleSchema }])],
  controllers: [ArticlesController],
  providers: [ArticleIngestion, EventPublisher],
})
export class ArticlesModule implements NestModule {
  /** A text/plain submission becomes the same object a JSON one is, before validation sees it. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, _res: Response, next: NextFunction) => {
        if (typeof req.body === 'string') req.body = articleFromText(req.body);
        next();
      })
      .forRoutes({ path: 'articles', method: RequestMethod.POST, version: '1' });
  }
}
