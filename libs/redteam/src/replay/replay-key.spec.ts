import { RedteamError } from '../redteam-error';
import { decodeReplayKey, encodeReplayKey, type ReplayKeyParts } from './replay-key';

const parts: ReplayKeyParts = {
  persona: 'jailbreak_attacker',
  goal: 'harmful-requests/some-goal',
  strategy: ['base64', 'roleplay'],
  seed: '42#3',
  dataVersion: '2026.12.0+abcdef012345.0badc0de',
  maxTurns: 6,
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof RedteamError ? error.code : 'not a RedteamError';
  }
  return undefined;
}

describe('replay keys', () => {
  it('decode back to exactly the parts they were made from', () => {
    expect(decodeReplayKey(encodeReplayKey(parts))).toEqual(parts);
  });

  it('are URL- and shell-safe', () => {
    expect(encodeReplayKey({ ...parts, seed: 'a seed with spaces/and "quotes" ✓' })).toMatch(
      /^rk1\.[A-Za-z0-9_-]+$/,
    );
  });

  it('are refused with a reason when malformed, from another generator or truncated', () => {
    const key = encodeReplayKey(parts);
    expect(codeOf(() => decodeReplayKey('nonsense'))).toBe('REDTEAM_INVALID_REPLAY_KEY');
    expect(codeOf(() => decodeReplayKey(key.replace('rk1.', 'rk9.')))).toBe('REDTEAM_INVALID_REPLAY_KEY');
    expect(codeOf(() => decodeReplayKey(key.slice(0, key.length - 6)))).toBe('REDTEAM_INVALID_REPLAY_KEY');
    expect(codeOf(() => decodeReplayKey(`rk1.${Buffer.from('[1,2]').toString('base64url')}`))).toBe(
      'REDTEAM_INVALID_REPLAY_KEY',
    );
    expect(() => decodeReplayKey(key.replace('rk1.', 'rk9.'))).toThrow(/generator 9/);
  });
});
