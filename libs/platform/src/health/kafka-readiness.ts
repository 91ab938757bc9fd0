import { Injectable } from '@nestjs/common';

/** Whether this service's Kafka client is connected; flipped by the producer or consumer that owns it. */
@Injectable()
export class KafkaReadiness {
  private connected = false;

  set(connected: boolean): void {
    this.connected = connected;
  }

  isConnected(): boolean {
    return this.connected;
  }
}
