import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from 'mongoose';
import { KafkaReadiness } from './kafka-readiness';

const STORE_PING_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly kafka: KafkaReadiness,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the store answers a ping and the Kafka client is connected. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.pingStore(), () => this.kafkaConnected()]);
  }

  /**
   * A real round trip: the connection's state flag lags behind an outage by a heartbeat or more,
   * which is why terminus' own mongoose check (it reads that flag) is not used.
   */
  private async pingStore() {
    const check = this.indicators.check('mongodb');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection.db!.admin().ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('ping timed out')), STORE_PING_TIMEOUT_MS);
        }),
      ]);
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private kafkaConnected() {
    const check = this.indicators.check('kafka');
    return this.kafka.isConnected() ? check.up() : check.down({ message: 'not connected' });
  }
}
