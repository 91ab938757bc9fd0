import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { CatalogArticle } from './catalog-article.schema';

@ApiTags('articles')
@Controller({ path: 'articles', version: '1' })
export class ArticlesController {
  constructor(@InjectModel(CatalogArticle.name) private readonly articles: Model<CatalogArticle>) {}

  /** An article as the catalog read it. */
  @Get(':id')
  async find(@Param('id') id: string) {
    const article = /^[a-f0-9]{32}$/.test(id) ? await this.articles.findById(id).lean() : null;
    if (!article) throw new NotFoundException(`no article ${id} in the catalog`);
    const { _id, ...rest } = article;
    return { id: _id, ...rest };
  }
}
