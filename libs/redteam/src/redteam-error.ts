import { RampartError, type ErrorStatus, type RampartErrorOptions } from '@rampart/contracts';

export type RedteamErrorCode =
  | 'REDTEAM_UNKNOWN_STRATEGY'
  | 'REDTEAM_INVALID_CHAIN'
  | 'REDTEAM_UNKNOWN_PERSONA'
  | 'REDTEAM_INVALID_PERSONA'
  | 'REDTEAM_UNKNOWN_GOAL'
  | 'REDTEAM_CORPUS_INVALID'
  | 'REDTEAM_CORPUS_TAMPERED'
  | 'REDTEAM_DATA_VERSION_MISMATCH'
  | 'REDTEAM_INVALID_REPLAY_KEY'
  | 'REDTEAM_INVALID_TARGET'
  | 'REDTEAM_TARGET_FAILED'
  | 'REDTEAM_TOO_MANY_TURNS';

const STATUS: Record<RedteamErrorCode, ErrorStatus> = {
  REDTEAM_UNKNOWN_STRATEGY: 400,
  REDTEAM_INVALID_CHAIN: 400,
  REDTEAM_UNKNOWN_PERSONA: 404,
  REDTEAM_INVALID_PERSONA: 422,
  REDTEAM_UNKNOWN_GOAL: 404,
  REDTEAM_CORPUS_INVALID: 422,
  REDTEAM_CORPUS_TAMPERED: 422,
  REDTEAM_DATA_VERSION_MISMATCH: 409,
  REDTEAM_INVALID_REPLAY_KEY: 400,
  REDTEAM_INVALID_TARGET: 400,
  REDTEAM_TARGET_FAILED: 502,
  REDTEAM_TOO_MANY_TURNS: 422,
};

/** A red-team request or its data is wrong; the message names what and where. Only target failures retry. */
export class RedteamError extends RampartError<RedteamErrorCode> {
  constructor(code: RedteamErrorCode, message: string, options: RampartErrorOptions = {}) {
    super(code, message, STATUS[code], { retryable: code === 'REDTEAM_TARGET_FAILED', ...options });
  }
}
