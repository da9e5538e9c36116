import { RampartError, type ErrorStatus } from '@rampart/contracts';

export type PolicyErrorCode =
  /** A constitution that cannot be used: bad YAML, a bad field, an unknown key or a dangling reference. */
  | 'POLICY_INVALID'
  /** A decision reviewed against a constitution other than the one that made it. */
  | 'POLICY_MISMATCH'
  /** The LLM review could not give an answer (timeout, HTTP error, a reply outside the contract). */
  | 'POLICY_REVIEW_FAILED'
  /** The LLM critic's configuration cannot work (base URL, model). */
  | 'POLICY_CRITIC_INVALID';

export interface PolicyProblem {
  /** Where in the document, e.g. `principles[3].threshold` or `endpoints["support-bot"].disable[0]`. */
  path: string;
  problem: string;
}

/** Why an LLM review failed; the principle's fail mode decides what that means for the decision. */
export type ReviewFailureReason =
  'timeout' | 'aborted' | 'network' | 'http_status' | 'malformed_reply' | 'text_too_large';

const STATUS: Record<PolicyErrorCode, ErrorStatus> = {
  POLICY_INVALID: 400,
  POLICY_MISMATCH: 409,
  POLICY_REVIEW_FAILED: 502,
  POLICY_CRITIC_INVALID: 500,
};

/**
 * Errors of the policy engine. Messages and details never carry the checked text, a credential or the
 * LLM endpoint's reply body: they end up in logs and API responses.
 */
export class PolicyError extends RampartError<PolicyErrorCode> {
  readonly problems: readonly PolicyProblem[];
  readonly reviewFailure?: ReviewFailureReason;

  private constructor(
    code: PolicyErrorCode,
    message: string,
    options: {
      problems?: readonly PolicyProblem[];
      reviewFailure?: ReviewFailureReason;
      status?: ErrorStatus;
      details?: Record<string, unknown>;
      retryable?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, options.status ?? STATUS[code], {
      details: options.details,
      retryable: options.retryable,
      cause: options.cause,
    });
    this.problems = options.problems ?? [];
    this.reviewFailure = options.reviewFailure;
  }

  /** Every problem of a document at once, so an author fixes a policy in one round. */
  static invalid(problems: readonly PolicyProblem[]): PolicyError {
    const lines = problems.map((p) => `  - ${p.path}: ${p.problem}`).join('\n');
    return new PolicyError('POLICY_INVALID', `Invalid constitution:\n${lines}`, {
      problems,
      details: { problems },
    });
  }

  static mismatch(message: string): PolicyError {
    return new PolicyError('POLICY_MISMATCH', message);
  }

  static criticInvalid(problem: string): PolicyError {
    return new PolicyError('POLICY_CRITIC_INVALID', `Invalid LLM critic configuration: ${problem}`);
  }

  static reviewFailed(
    reason: ReviewFailureReason,
    message: string,
    extra: { httpStatus?: number; cause?: unknown } = {},
  ): PolicyError {
    const transient =
      reason === 'timeout' ||
      reason === 'network' ||
      (reason === 'http_status' && (extra.httpStatus === 429 || (extra.httpStatus ?? 0) >= 500));
    return new PolicyError('POLICY_REVIEW_FAILED', message, {
      reviewFailure: reason,
      status: reason === 'timeout' ? 504 : 502,
      details: { reason, ...(extra.httpStatus === undefined ? {} : { http_status: extra.httpStatus }) },
      retryable: transient,
      cause: extra.cause,
    });
  }
}
