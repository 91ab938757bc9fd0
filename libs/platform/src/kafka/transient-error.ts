/**
 * Errors that mean "the store or broker is unreachable right now": the batch is retried until it
 * goes through, so an outage delays processing but loses nothing. Anything else is a problem with
 * the messages themselves and ends in the dead-letter topic.
 */
const TRANSIENT_NAMES =
  /^(MongoNetworkError|MongoNetworkTimeoutError|MongoServerSelectionError|MongooseServerSelectionError|MongoNotConnectedError|MongoTopologyClosedError|MongoPoolClearedError|MongoWaitQueueTimeoutError|KafkaJSConnectionError|KafkaJSNumberOfRetriesExceeded|KafkaJSRequestTimeoutError|KafkaJSBrokerNotFound|KafkaJSNonRetriableError)$/;

export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (TRANSIENT_NAMES.test(error.name)) return true;
  // mongoose queues operations while disconnected and fails them with this message after a timeout.
  if (/buffering timed out|connection .* closed|ECONNREFUSED|ECONNRESET/.test(error.message)) return true;
  const labelled = error as Error & { hasErrorLabel?: (label: string) => boolean };
  return typeof labelled.hasErrorLabel === 'function' && labelled.hasErrorLabel('RetryableWriteError');
}
