import { createKafka } from '@app/platform';
import { consumerLag, replayFromStart } from './ops/consumer-groups';
import { listDeadLetters, redriveDeadLetters } from './ops/dead-letters';

const USAGE = `usage: npm run -s ops -- COMMAND
  lag GROUP                  how far GROUP is behind the parsed-article topic, per partition
  replay GROUP               move GROUP back to the start of the topic (stop its consumers first)
  dead-letters SERVICE       list SERVICE's dead letters (catalog, analytics) as JSON lines
  redrive SERVICE            send SERVICE's dead letters not yet re-driven back to the topic
Reads KAFKA_BROKERS (default 127.0.0.1:9092) and KAFKA_TOPIC_PREFIX (default none).`;

/** Operator commands for the Kafka side: consumer lag, replay, dead letters. */
async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (!command || !name || !/^[A-Za-z0-9._-]+$/.test(name)) {
    console.error(USAGE);
    return 2;
  }
  const kafka = createKafka('ops', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  switch (command) {
    case 'lag':
      for (const row of await consumerLag(kafka, name, prefix)) console.log(JSON.stringify(row));
      return 0;
    case 'replay':
      await replayFromStart(kafka, name, prefix);
      console.log(`group ${name} will read the topic from the start when its consumers start again`);
      return 0;
    case 'dead-letters':
      for (const letter of await listDeadLetters(kafka, name, prefix)) console.log(JSON.stringify(letter));
      return 0;
    case 'redrive':
      console.log(`re-drove ${await redriveDeadLetters(kafka, name, prefix)} dead letter(s) of ${name}`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
