import { create } from '@bufbuild/protobuf';
import { adversaryV1 } from '@rampart/contracts';
import { AdversaryError } from '../services/adversary-error';
import { parseBody, toAttackCommand, toBatchCommand } from './attack-command';

const run = (fields: Partial<adversaryV1.RunAttackRequest>) =>
  toAttackCommand(create(adversaryV1.RunAttackRequestSchema, fields));

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AdversaryError ? String(error.details?.field) : 'not an AdversaryError';
  }
  return undefined;
}

describe('attack commands', () => {
  it('defaults the target to the guardrail and draws a seed when none is given', () => {
    const command = run({ persona: 'jailbreak_attacker', strategy: 'base64,roleplay' });
    expect(command).toMatchObject({
      persona: 'jailbreak_attacker',
      strategy: 'base64,roleplay',
      target: 'guardrail',
    });
    expect(command.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(run({ persona: 'p', seed: 's-1' }).seed).toBe('s-1');
    // A queued job passes its id, so a retry regenerates the same attack.
    const queued = create(adversaryV1.RunAttackRequestSchema, { persona: 'p' });
    expect(toAttackCommand(queued, { seed: 'job-7' }).seed).toBe('job-7');
  });

  it('takes a replay key on its own and refuses it mixed with what the key fixes', () => {
    expect(run({ replayKey: 'rk1.abc', target: 'support-bot' })).toEqual({
      replayKey: 'rk1.abc',
      target: 'support-bot',
    });
    expect(fieldOf(() => run({ replayKey: 'rk1.abc', seed: 'x' }))).toBe('seed');
    expect(fieldOf(() => run({ replayKey: '' }))).toBe('replay_key');
  });

  it('names the field at fault for a missing persona, a malformed chain, goal or target, and a bad seed', () => {
    expect(fieldOf(() => run({}))).toBe('persona');
    expect(fieldOf(() => run({ persona: 'p', strategy: 'Base64;rm -rf' }))).toBe('strategy');
    expect(fieldOf(() => run({ persona: 'p', goal: 'no-slash' }))).toBe('goal');
    expect(fieldOf(() => run({ persona: 'p', target: 'bad target!' }))).toBe('target');
    expect(fieldOf(() => run({ persona: 'p', seed: 'x'.repeat(201) }))).toBe('seed');
    expect(fieldOf(() => run({ persona: 'p', refineIterations: -1 }))).toBe('refine_iterations');
  });

  it('requires a persona and a positive count for a batch', () => {
    const batch = (fields: Partial<adversaryV1.RunAttackBatchRequest>) =>
      toBatchCommand(create(adversaryV1.RunAttackBatchRequestSchema, fields));
    expect(batch({ persona: 'p', count: 3, seed: 'b' })).toEqual({
      persona: 'p',
      count: 3,
      seed: 'b',
      target: 'guardrail',
    });
    expect(fieldOf(() => batch({ persona: 'p' }))).toBe('count');
    expect(fieldOf(() => batch({ persona: 'p', count: 0 }))).toBe('count');
  });

  it('parses HTTP bodies as strictly as NATS: UTF-8, an object, only the schema’s fields', () => {
    const schema = adversaryV1.RunAttackRequestSchema;
    expect(parseBody(schema, undefined, { persona: 'p', refine_iterations: 2 }).persona).toBe('p');
    expect(fieldOf(() => parseBody(schema, Buffer.from([0xff, 0xfe]), {}))).toBe('(body)');
    expect(fieldOf(() => parseBody(schema, undefined, [1]))).toBe('(body)');
    expect(() => parseBody(schema, undefined, { persona: 'p', colour: 'red' })).toThrow(/colour/);
  });
});
