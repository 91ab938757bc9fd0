import { isTransientError } from './transient-error';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('isTransientError', () => {
  it.each([
    named('MongoServerSelectionError'),
    named('MongoNetworkError'),
    named('KafkaJSConnectionError'),
    new Error('Operation `observations.bulkWrite()` buffering timed out after 10000ms'),
    new Error('connect ECONNREFUSED 127.0.0.1:27017'),
    Object.assign(named('MongoServerError'), { hasErrorLabel: (l: string) => l === 'RetryableWriteError' }),
  ])('retries an outage: %s', (error) => expect(isTransientError(error)).toBe(true));

  it.each([
    named('ValidationError', 'value is required'),
    named('MongoBulkWriteError', 'E11000 duplicate key'),
    new TypeError("Cannot read properties of undefined (reading 'year')"),
    'not an error',
  ])('dead-letters anything else: %s', (error) => expect(isTransientError(error)).toBe(false));
});
