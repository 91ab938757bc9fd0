import { DynamicModule, ForwardReference, Logger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { CommonConfig } from './config/common-config';
import { configureHttp } from './http/configure-http';
import { PlatformModule } from './platform.module';

export interface ServiceAppOptions<C extends CommonConfig> {
  service: string;
  description: string;
  config: new () => C;
  env: Record<string, string | undefined>;
  imports: Array<Type | DynamicModule | ForwardReference>;
  bodyLimit?: (config: C) => string;
}

/** Builds a service from its feature modules and an environment; main.ts passes process.env, tests their own. */
export async function createServiceApp<C extends CommonConfig>(
  options: ServiceAppOptions<C>,
): Promise<NestExpressApplication> {
  @Module({
    imports: [
      PlatformModule.forRoot({ service: options.service, config: options.config, env: options.env }),
      ...options.imports,
    ],
  })
  class ServiceModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  const config = app.get(options.config);
  configureHttp(app, {
    title: `battery-intel ${options.service}`,
    description: options.description,
    bodyLimit: options.bodyLimit?.(config),
  });
  return app;
}

/** Starts a built service: its consumers first, then HTTP. A bad configuration exits with the list of problems. */
export function runService(create: () => Promise<NestExpressApplication>): void {
  const start = async () => {
    const app = await create();
    await app.startAllMicroservices();
    await app.listen(app.get(CommonConfig).PORT, '0.0.0.0');
  };
  start().catch((error: unknown) => {
    new Logger('bootstrap').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
