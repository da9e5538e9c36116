import { isRampartError } from '@rampart/contracts';
import { RedteamError } from '../redteam-error';
import type {
  AttackTarget,
  ChatMessage,
  GuardrailVerdict,
  TargetReply,
  TargetRequest,
} from './attack-target';

export interface GuardrailCheckInput {
  readonly direction: 'input' | 'output';
  readonly text: string;
  readonly conversationId: string;
  readonly endpoint: string;
  readonly userId: string;
  readonly messages?: ChatMessage[];
  /** The application's system prompt, for output checks that look for it leaking. */
  readonly systemPrompt?: string;
}

/**
 * The guardrail's check as the adversary calls it. The application wires it to the guardrail over NATS;
 * unit tests use a plain object. A failure should be a RampartError whose `retryable` says whether trying
 * again may help; anything else is treated as retryable.
 */
export interface GuardrailChecker {
  check(input: GuardrailCheckInput, options?: { signal?: AbortSignal }): Promise<GuardrailVerdict>;
}

export interface GuardrailCallContext {
  /** The guardrail endpoint (policy) the checks run under; default `redteam`. */
  readonly endpoint?: string;
  /** The user the checks are attributed to; default `redteam`. */
  readonly userId?: string;
}

export const DEFAULT_GUARDRAIL_ENDPOINT = 'redteam';
export const DEFAULT_GUARDRAIL_USER = 'redteam';

/** Runs one guardrail check, turning a checker's failure into a REDTEAM_TARGET_FAILED. */
export async function runGuardrailCheck(
  checker: GuardrailChecker,
  input: GuardrailCheckInput,
  signal: AbortSignal | undefined,
): Promise<GuardrailVerdict> {
  try {
    return await checker.check(input, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof RedteamError) throw error;
    const code = isRampartError(error) ? ` (${error.code})` : '';
    throw new RedteamError('REDTEAM_TARGET_FAILED', `guardrail ${input.direction} check failed${code}`, {
      retryable: isRampartError(error) ? error.retryable : true,
      cause: error,
      details: { reason: 'guardrail_check' },
    });
  }
}

/** What both sides of the guardrail as a target share: the checker and whom the checks run as. */
export abstract class GuardrailSideTarget implements AttackTarget {
  abstract readonly id: string;
  readonly kind = 'guardrail' as const;
  protected readonly endpoint: string;
  protected readonly userId: string;

  constructor(
    protected readonly checker: GuardrailChecker,
    context: GuardrailCallContext = {},
  ) {
    this.endpoint = context.endpoint ?? DEFAULT_GUARDRAIL_ENDPOINT;
    this.userId = context.userId ?? DEFAULT_GUARDRAIL_USER;
  }

  abstract send(request: TargetRequest): Promise<TargetReply>;

  protected check(
    request: TargetRequest,
    input: Pick<GuardrailCheckInput, 'direction' | 'messages' | 'systemPrompt'>,
  ): Promise<GuardrailVerdict> {
    return runGuardrailCheck(
      this.checker,
      {
        ...input,
        text: request.turn.text,
        conversationId: request.conversationId,
        endpoint: this.endpoint,
        userId: this.userId,
      },
      request.signal,
    );
  }
}

/**
 * The guardrail itself as the target: each attacker turn is checked as `input`, with the conversation so
 * far, and the verdict is the whole reply. No model is called; `reply` is always absent.
 */
export class GuardrailTarget extends GuardrailSideTarget {
  readonly id = 'guardrail';

  async send(request: TargetRequest): Promise<TargetReply> {
    const started = performance.now();
    const inputCheck = await this.check(request, {
      direction: 'input',
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    });
    return { inputCheck, latencyMs: performance.now() - started };
  }
}
