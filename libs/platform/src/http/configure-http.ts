import { INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { API_KEY_HEADER } from './api-key.guard';
import { fieldErrors, validationFailed } from './validation-failed';

export interface HttpOptions {
  title: string;
  description: string;
  bodyLimit?: string;
}

/**
 * The HTTP conventions every service shares: /v1 URI versioning, strict validation with field-level
 * 400s, body size limits, OpenAPI at /docs, JSON logs, and shutdown hooks so SIGTERM drains cleanly.
 */
export function configureHttp(app: NestExpressApplication, options: HttpOptions): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  app.useBodyParser('text', { limit: options.bodyLimit ?? '1mb' });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => validationFailed(fieldErrors(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app as INestApplication,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addApiKey({ type: 'apiKey', name: API_KEY_HEADER, in: 'header' }, API_KEY_HEADER)
      .build(),
  );
  SwaggerModule.setup('docs', app as INestApplication, document);
}
