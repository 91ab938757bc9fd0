import { Kafka } from 'kafkajs';
import { namespaced, TOPICS } from '@app/contracts';

export interface PartitionLag {
  partition: number;
  committed: string;
  end: string;
  lag: number;
}

/** How far a consumer group is behind the end of the parsed-article topic, per partition. */
export async function consumerLag(kafka: Kafka, group: string, prefix = ''): Promise<PartitionLag[]> {
  const topic = namespaced(prefix, TOPICS.articleParsed);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const position = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
    return ends
      .map((p) => {
        const at = position.get(p.partition) ?? '-1';
        // A group that never committed on a partition starts at the log start.
        const from = Number(at) < 0 ? Number(p.low) : Number(at);
        return { partition: p.partition, committed: at, end: p.high, lag: Number(p.high) - from };
      })
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Moves a consumer group back to the start of the parsed-article topic, so that its service rebuilds
 * its state from every event when it starts again. Kafka only allows this while the group has no
 * running members: stop the service's replicas first.
 */
export async function replayFromStart(kafka: Kafka, group: string, prefix = ''): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [description] = (await admin.describeGroups([group])).groups;
    if (description.members.length) {
      throw new Error(
        `group ${group} has ${description.members.length} running member(s); stop its consumers first`,
      );
    }
    await admin.resetOffsets({
      groupId: group,
      topic: namespaced(prefix, TOPICS.articleParsed),
      earliest: true,
    });
  } finally {
    await admin.disconnect();
  }
}
