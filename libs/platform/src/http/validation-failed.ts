import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';

/** The one shape of every 400 the services send: which fields are wrong and why. */
export function validationFailed(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    fields,
  });
}

export function fieldErrors(errors: ValidationError[]): Record<string, string[]> {
  return Object.fromEntries(
    errors.map((e) => [e.property, Object.values(e.constraints ?? { invalid: 'is invalid' })]),
  );
}
