import { RedteamError } from '../redteam-error';

/** Bump when generation changes so that old keys would produce different prompts. */
export const GENERATOR_VERSION = 1;
const PREFIX = `rk${GENERATOR_VERSION}.`;
const MAX_KEY_LENGTH = 2_048;

/** Everything a replay needs, and nothing else: the same inputs always generate the same prompts. */
export interface ReplayKeyParts {
  readonly persona: string;
  readonly goal: string;
  readonly strategy: readonly string[];
  readonly seed: string;
  readonly dataVersion: string;
  /** Turn cap the attack was generated under (the persona's own, or a lower configured cap). */
  readonly maxTurns: number;
}

/**
 * `rk1.<base64url JSON>`: self-contained, so a replay needs no database and a key pasted from a report or
 * a CI log works on any machine that has the same data version.
 */
export function encodeReplayKey(parts: ReplayKeyParts): string {
  const body = [
    parts.persona,
    parts.goal,
    parts.strategy.join(','),
    parts.seed,
    parts.dataVersion,
    parts.maxTurns,
  ];
  return PREFIX + Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeReplayKey(key: string): ReplayKeyParts {
  const invalid = (why: string) =>
    new RedteamError('REDTEAM_INVALID_REPLAY_KEY', `Invalid replay key: ${why}`, {
      details: { reason: why },
    });
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH)
    throw invalid('not a string of at most 2048 characters');
  if (!key.startsWith('rk')) throw invalid('it must start with "rk<version>."');
  if (!key.startsWith(PREFIX)) {
    throw invalid(
      `it was made by generator ${key.slice(2, key.indexOf('.'))}; this one is ${GENERATOR_VERSION}`,
    );
  }
  const encoded = key.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw invalid('the part after the prefix is not base64url');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the payload is not JSON');
  }
  if (
    !Array.isArray(body) ||
    body.length !== 6 ||
    !body.slice(0, 5).every((part) => typeof part === 'string' && part.length > 0) ||
    !Number.isInteger(body[5]) ||
    (body[5] as number) < 1
  ) {
    throw invalid('the payload does not have persona, goal, strategy, seed, data version and max turns');
  }
  const [persona, goal, strategy, seed, dataVersion, maxTurns] = body as [
    string,
    string,
    string,
    string,
    string,
    number,
  ];
  return { persona, goal, strategy: strategy.split(','), seed, dataVersion, maxTurns };
}
