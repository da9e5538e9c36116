import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GUARDRAIL_SETTINGS, type GuardrailSettings } from '../config/guardrail.config';
import { GuardrailError } from '../services/guardrail-error';

interface AdminRequest {
  headers: Record<string, string | string[] | undefined>;
  adminActor?: string;
}

/**
 * Policy administration needs `Authorization: Bearer <GUARDRAIL_ADMIN_TOKEN>`; without a configured token it
 * is closed. `X-Rampart-Actor` names the person acting, for the audit log.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@Inject(GUARDRAIL_SETTINGS) settings: GuardrailSettings) {
    this.expected = settings.adminToken ? digest(settings.adminToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    if (!this.expected) {
      throw new GuardrailError(
        'GUARDRAIL_UNAUTHORIZED',
        'Policy administration is disabled: set GUARDRAIL_ADMIN_TOKEN',
      );
    }
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
    // Compare digests: equal lengths, and no timing signal about the token.
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      throw new GuardrailError(
        'GUARDRAIL_UNAUTHORIZED',
        'Missing or wrong bearer token for policy administration',
      );
    }
    const actor = request.headers['x-rampart-actor'];
    request.adminActor =
      typeof actor === 'string' && /^[\w.@+-]{1,100}$/.test(actor) ? `admin:${actor}` : 'admin';
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
