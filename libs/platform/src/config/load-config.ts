import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigValidationError extends Error {}

/**
 * Reads a service's settings from the environment into a typed class, validated with class-validator
 * at boot: a missing or malformed variable stops the service with every problem listed.
 * The environment is passed in rather than read from process.env so that tests can run several
 * services, each with its own settings, in one process.
 */
export function loadConfig<T extends object>(cls: new () => T, env: Record<string, string | undefined>): T {
  const config = plainToInstance(cls, env, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
