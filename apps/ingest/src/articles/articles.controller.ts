import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { API_KEY_HEADER, ApiKeyGuard, validationFailed } from '@app/platform';
import { IngestConfig } from '../ingest.config';
import { ArticleBatchDto, ArticleInputDto, ReparseQueryDto } from './article-input.dto';
import { PARSER_VERSION } from '@app/extraction';
import { ArticleIngestion } from './article-ingestion.service';
import { checkArticle } from './article-validation';
import { PublishUnavailableError } from './event-publisher';

const unavailable = (error: unknown) => {
  if (!(error instanceof PublishUnavailableError)) return error;
  return new ServiceUnavailableException(
    'the event could not be stored in the broker; retry later (resubmitting is safe: articles are deduplicated by content)',
  );
};

@ApiTags('articles')
@Controller({ path: 'articles', version: '1' })
export class ArticlesController {
  constructor(
    private readonly ingestion: ArticleIngestion,
    private readonly config: IngestConfig,
  ) {}

  /** Submits one article as JSON, or as plain text with optional `key: value` header lines. */
  @Post()
  @UseGuards(ApiKeyGuard)
  @ApiSecurity(API_KEY_HEADER)
  @ApiHeader({ name: API_KEY_HEADER, required: true })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ type: ArticleInputDto })
  async submit(@Body() article: ArticleInputDto, @Res({ passthrough: true }) res: Response) {
    const [result] = await this.ingestion.submit([article]).catch((e) => Promise.reject(unavailable(e)));
    res.status(result.status === 'accepted' ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return result;
  }

  /** Submits many articles; each is validated on its own and gets its own result. */
  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity(API_KEY_HEADER)
  async submitBatch(@Body() batch: ArticleBatchDto) {
    if (batch.articles.length > this.config.MAX_BATCH_SIZE) {
      throw validationFailed({ articles: [`must contain at most ${this.config.MAX_BATCH_SIZE} articles`] });
    }
    const checked = batch.articles.map(checkArticle);
    const valid = checked.flatMap((c) => (c.ok ? [c.article] : []));
    const submitted = await this.ingestion.submit(valid).catch((e) => Promise.reject(unavailable(e)));
    let next = 0;
    const results = checked.map((c, index) =>
      c.ok ? { index, ...submitted[next++] } : { index, status: 'rejected' as const, fields: c.fields },
    );
    return { results };
  }

  /**
   * Parses the stored articles again with this version's parser and publishes their events, after a
   * parser upgrade. Only those parsed by another version unless `all=true`.
   */
  @Post('reparse')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity(API_KEY_HEADER)
  async reparse(@Query() query: ReparseQueryDto) {
    const reparsed = await this.ingestion
      .reparse(query.all === 'true')
      .catch((e) => Promise.reject(unavailable(e)));
    return { reparsed, parserVersion: PARSER_VERSION };
  }

  /** What ingest holds for an article: its metadata and whether its event was published. */
  @Get(':id')
  async find(@Param('id') id: string) {
    const article = /^[a-f0-9]{32}$/.test(id) ? await this.ingestion.find(id) : null;
    if (!article) throw new NotFoundException(`no article ${id}`);
    const { _id, ...rest } = article;
    return { id: _id, ...rest };
  }
}
