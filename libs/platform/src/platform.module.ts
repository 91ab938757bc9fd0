import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { CommonConfig } from './config/common-config';
import { loadConfig } from './config/load-config';
import { HealthController } from './health/health.controller';
import { KafkaReadiness } from './health/kafka-readiness';
import { ApiKeyGuard } from './http/api-key.guard';
import { LoggingModule } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { STORE_POOL_SIZE } from './store/bulk-write';

export interface PlatformOptions<C extends CommonConfig> {
  service: string;
  config: new () => C;
  env: Record<string, string | undefined>;
}

/**
 * What every service needs around its own code: validated typed config, JSON logs, the MongoDB
 * connection, health and readiness, Prometheus metrics and the API key guard.
 */
@Module({})
export class PlatformModule {
  static forRoot<C extends CommonConfig>({ service, config: cls, env }: PlatformOptions<C>): DynamicModule {
    const config = loadConfig(cls, env);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggingModule.forRoot(service, config.LOG_LEVEL),
        MongooseModule.forRoot(config.MONGODB_URI, {
          dbName: config.MONGODB_DB,
          serverSelectionTimeoutMS: 5000,
          // See STORE_POOL_SIZE: few commands in flight keep FerretDB's SQLite pool from running dry.
          maxPoolSize: STORE_POOL_SIZE,
        }),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: cls, useValue: config },
        { provide: CommonConfig, useValue: config },
        KafkaReadiness,
        ApiKeyGuard,
      ],
      exports: [cls, CommonConfig, KafkaReadiness, ApiKeyGuard],
    };
  }
}
