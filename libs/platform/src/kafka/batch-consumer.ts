import {
  applyDecorators,
  ArgumentsHost,
  Catch,
  INestApplication,
  RpcExceptionFilter,
  UseFilters,
} from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { KafkaBatchTransport, KafkaBatchTransportOptions } from './kafka-batch.transport';

/**
 * Nest's default RPC filter replaces an unknown error by a generic one; the batch transport needs
 * the original to tell an outage (retry) from a bad message (dead letter).
 */
@Catch()
class RethrowFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Marks the method that receives each batch of decoded events of a topic (an array, one bulk write). */
export const ConsumeBatches = (topic: string) =>
  applyDecorators(EventPattern(topic), UseFilters(RethrowFilter));

/** Attaches a batch consumer to an HTTP app; `app.startAllMicroservices()` starts it. */
export function connectBatchConsumer<T>(app: INestApplication, options: KafkaBatchTransportOptions<T>): void {
  app.connectMicroservice({ strategy: new KafkaBatchTransport(options) });
}
