import { randomBytes } from 'node:crypto';
import { fromJson, type DescMessage, type JsonValue, type MessageShape } from '@bufbuild/protobuf';
import type { adversaryV1 } from '@rampart/contracts';
import { AdversaryError } from '../services/adversary-error';

/** A validated request to run one attack: a replay key, or a persona with its options and a seed. */
export interface AttackCommand {
  replayKey?: string;
  persona?: string;
  strategy?: string;
  goal?: string;
  seed?: string;
  target: string;
  campaignId?: string;
  runId?: string;
  /** PAIR-style refinements after a failure (0: none). */
  refineIterations?: number;
}

export interface BatchCommand {
  persona: string;
  strategy?: string;
  seed: string;
  count: number;
  target: string;
  campaignId?: string;
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;
const GOAL_ID = /^[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/i;
const CHAIN = /^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*){0,5}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function check(value: string | undefined, field: string, pattern: RegExp, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value))
    throw AdversaryError.invalid(field, `expected ${what}, got "${value.slice(0, 60)}"`);
  return value;
}

function seedOf(seed: string | undefined, fallback?: string): string {
  if (seed === undefined) return fallback ?? randomBytes(8).toString('hex');
  if (seed.length === 0 || seed.length > 200)
    throw AdversaryError.invalid('seed', 'expected 1 to 200 characters');
  return seed;
}

/** Parses an HTTP body as the NATS transport parses a request: strict UTF-8 and the schema's fields only. */
export function parseBody<S extends DescMessage>(
  schema: S,
  raw: Buffer | undefined,
  parsed: unknown,
): MessageShape<S> {
  if (raw) {
    try {
      strictUtf8.decode(raw);
    } catch {
      throw AdversaryError.invalid('(body)', 'is not valid UTF-8');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw AdversaryError.invalid('(body)', 'expected a JSON object');
  }
  try {
    return fromJson(schema, parsed as JsonValue, { ignoreUnknownFields: false });
  } catch (error) {
    throw AdversaryError.invalid(
      '(body)',
      (error as Error).message.replace(/^cannot decode message [\w.]+ from JSON: /, ''),
    );
  }
}

/** Checks what the schema cannot: which fields go together, names and sizes. */
/**
 * `from.seed` replaces the random seed drawn for a request without one (a queued job uses its id, so a
 * retry regenerates the same attack).
 */
export function toAttackCommand(
  request: adversaryV1.RunAttackRequest,
  from: { runId?: string; seed?: string } = {},
): AttackCommand {
  const { runId } = from;
  const target = check(request.target, 'target', NAME, 'a target name') ?? 'guardrail';
  const campaignId = check(request.campaignId, 'campaign_id', NAME, 'a campaign id');
  if (request.refineIterations !== undefined && request.refineIterations < 0) {
    throw AdversaryError.invalid('refine_iterations', 'expected zero or more');
  }
  const origin = {
    target,
    ...(campaignId ? { campaignId } : {}),
    ...(runId ? { runId } : {}),
    ...(request.refineIterations ? { refineIterations: request.refineIterations } : {}),
  };
  if (request.replayKey !== undefined) {
    const others = (['persona', 'strategy', 'goal', 'seed'] as const).filter((f) => request[f] !== undefined);
    if (others.length > 0) {
      throw AdversaryError.invalid(others[0], 'must be absent when replay_key is given (the key fixes it)');
    }
    if (request.replayKey.length === 0) throw AdversaryError.invalid('replay_key', 'is empty');
    return { replayKey: request.replayKey, ...origin };
  }
  const persona = check(request.persona, 'persona', NAME, 'a persona id');
  if (!persona) throw AdversaryError.invalid('persona', 'is required (or give a replay_key)');
  const strategy = check(
    request.strategy,
    'strategy',
    CHAIN,
    'a chain of strategy ids such as "base64,roleplay"',
  );
  const goal = check(request.goal, 'goal', GOAL_ID, 'a goal id such as "harmful-requests/some-goal"');
  return {
    persona,
    seed: seedOf(request.seed, from.seed),
    ...(strategy ? { strategy } : {}),
    ...(goal ? { goal } : {}),
    ...origin,
  };
}

export function toBatchCommand(request: adversaryV1.RunAttackBatchRequest): BatchCommand {
  const persona = check(request.persona, 'persona', NAME, 'a persona id');
  if (!persona) throw AdversaryError.invalid('persona', 'is required');
  if (request.count === undefined) throw AdversaryError.invalid('count', 'is required');
  if (request.count < 1) throw AdversaryError.invalid('count', 'expected at least 1');
  const strategy = check(
    request.strategy,
    'strategy',
    CHAIN,
    'a chain of strategy ids such as "base64,roleplay"',
  );
  const campaignId = check(request.campaignId, 'campaign_id', NAME, 'a campaign id');
  return {
    persona,
    seed: seedOf(request.seed),
    count: request.count,
    target: check(request.target, 'target', NAME, 'a target name') ?? 'guardrail',
    ...(strategy ? { strategy } : {}),
    ...(campaignId ? { campaignId } : {}),
  };
}
