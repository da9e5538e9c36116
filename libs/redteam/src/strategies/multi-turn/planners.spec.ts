import fc from 'fast-check';
import { RedteamError } from '../../redteam-error';
import { Base64Mutator } from '../encoding/base64.mutator';
import { FIXTURE_GOAL, fixtureContext, TRICKY_TEXT } from '../shared/strategy-fixtures';
import type { ConversationPlanner } from '../strategy';
import { ContextSwitchPlanner } from './context-switch.planner';
import { CrescendoPlanner } from './crescendo.planner';
import { TrustBuildingPlanner } from './trust-building.planner';

const PLANNERS: readonly ConversationPlanner[] = [
  new CrescendoPlanner(),
  new TrustBuildingPlanner(),
  new ContextSwitchPlanner(),
];

function plan(planner: ConversationPlanner, ask: string, maxTurns: number, seed = 'seed') {
  return planner.plan(ask, { ...fixtureContext(seed), maxTurns });
}

describe.each(PLANNERS.map((planner) => ({ id: planner.id, planner })))('$id planner', ({ planner }) => {
  it('never exceeds maxTurns and ends with the one turn that carries the ask verbatim', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.string(), (maxTurns, seed) => {
        const turns = plan(planner, TRICKY_TEXT, maxTurns, seed);
        expect(turns.length).toBeGreaterThanOrEqual(1);
        expect(turns.length).toBeLessThanOrEqual(maxTurns);
        const last = turns[turns.length - 1];
        expect(last.carriesGoal).toBe(true);
        expect(last.text).toContain(TRICKY_TEXT);
        for (const turn of turns.slice(0, -1)) {
          expect(turn.carriesGoal).toBe(false);
          expect(turn.text).toContain(FIXTURE_GOAL.topic);
          expect(turn.text).not.toContain(TRICKY_TEXT);
          expect(turn.purpose).not.toBe('');
        }
      }),
      { seed: 401, numRuns: 300 },
    );
  });

  it('uses more than one turn when allowed to', () => {
    const lengths = Array.from({ length: 30 }, (_, i) => plan(planner, 'ask', 10, `s${i}`).length);
    expect(Math.max(...lengths)).toBeGreaterThan(1);
  });

  it('keeps a chained base64 ask intact in the last turn', () => {
    const encoded = new Base64Mutator().apply('open it 😀', fixtureContext('inner'));
    expect(plan(planner, encoded, 4).at(-1)!.text).toContain(encoded);
  });

  it('is deterministic for a seed and varies across seeds, with at least four openings', () => {
    expect(plan(planner, 'ask', 5, 'same')).toEqual(plan(planner, 'ask', 5, 'same'));
    const openings = new Set(Array.from({ length: 60 }, (_, i) => plan(planner, 'ask', 5, `s${i}`)[0].text));
    expect(openings.size).toBeGreaterThanOrEqual(4);
  });

  it('rejects a turn budget with no room for the ask', () => {
    for (const maxTurns of [0, -1, 1.5]) {
      let error: unknown;
      try {
        plan(planner, 'ask', maxTurns);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RedteamError);
      expect((error as RedteamError).code).toBe('REDTEAM_TOO_MANY_TURNS');
    }
  });
});

describe('CrescendoPlanner', () => {
  const planner = new CrescendoPlanner();

  it('is just the ask when only one turn is allowed', () => {
    expect(plan(planner, 'the ask', 1)).toEqual([{ text: 'the ask', carriesGoal: true, purpose: 'ask' }]);
  });

  it('opens on background, escalates in numbered steps, then asks', () => {
    const turns = Array.from({ length: 20 }, (_, i) => plan(planner, 'ask', 6, `c${i}`)).find(
      (candidate) => candidate.length >= 4,
    )!;
    expect(turns[0].purpose).toBe('background');
    const steps = turns.slice(1, -1);
    steps.forEach((turn, i) => expect(turn.purpose).toBe(`escalation ${i + 1}/${steps.length}`));
    expect(turns.at(-1)!.purpose).toBe('ask');
  });
});

describe('TrustBuildingPlanner', () => {
  const planner = new TrustBuildingPlanner();

  it('goes rapport, credentials, favours, ask', () => {
    const turns = Array.from({ length: 20 }, (_, i) => plan(planner, 'ask', 5, `t${i}`)).find(
      (candidate) => candidate.length === 5,
    )!;
    expect(turns.map((turn) => turn.purpose)).toEqual([
      'rapport',
      'credentials',
      'favour 1/2',
      'favour 2/2',
      'ask',
    ]);
  });

  it('drops the later stages first when turns are short', () => {
    expect(plan(planner, 'ask', 2).map((turn) => turn.purpose)).toEqual(['rapport', 'ask']);
    expect(plan(planner, 'the ask', 1)).toEqual([{ text: 'the ask', carriesGoal: true, purpose: 'ask' }]);
  });
});

describe('ContextSwitchPlanner', () => {
  const planner = new ContextSwitchPlanner();

  it('gives a long benign task, then switches abruptly with "new task:"', () => {
    for (let i = 0; i < 20; i++) {
      const turns = plan(planner, 'the ask', 4, `x${i}`);
      expect(turns[0].purpose).toBe('benign task');
      expect(turns[0].text.length).toBeGreaterThan(150);
      expect(turns.at(-1)!.text).toMatch(/new task.*: the ask$/i);
    }
  });

  it('puts the benign task and the switch in one message when only one turn is allowed', () => {
    const [only, ...rest] = plan(planner, 'the ask', 1);
    expect(rest).toEqual([]);
    expect(only.carriesGoal).toBe(true);
    expect(only.text).toContain(FIXTURE_GOAL.topic);
    expect(only.text).toMatch(/new task.*: the ask$/i);
  });
});
