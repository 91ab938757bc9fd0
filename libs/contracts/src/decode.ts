import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ParsedArticleEventV1 } from './parsed-article.event';

const flatten = (errors: ValidationError[], path = ''): string[] =>
  errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((c) => `${here}: ${c}`);
    return [...own, ...flatten(e.children ?? [], here)];
  });

/** Validates an object against a contract class; returns the field-level problems, empty when valid. */
export function contractViolations(instance: object): string[] {
  return flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: false }));
}

/** Parses and validates a message value; throws with the reason when it is not a valid v1 event. */
export function decodeParsedArticleEvent(value: Buffer | null): ParsedArticleEventV1 {
  if (!value) throw new Error('empty message value');
  let plain: unknown;
  try {
    plain = JSON.parse(value.toString('utf8'));
  } catch {
    throw new Error('message value is not JSON');
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new Error('message value is not a JSON object');
  }
  const event = plainToInstance(ParsedArticleEventV1, plain);
  const problems = contractViolations(event);
  if (problems.length) throw new Error(`invalid ParsedArticleEventV1: ${problems.slice(0, 10).join('; ')}`);
  return event;
}
