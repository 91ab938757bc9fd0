import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { CommonConfig } from '../config/common-config';

export const API_KEY_HEADER = 'x-api-key';

const sameKey = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Guards writes: the request must carry one of the configured keys in the x-api-key header. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: CommonConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest().headers[API_KEY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (typeof key === 'string' && this.config.API_KEYS.some((k) => sameKey(k, key))) return true;
    throw new UnauthorizedException(`a valid ${API_KEY_HEADER} header is required`);
  }
}
