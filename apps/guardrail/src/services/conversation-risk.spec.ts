import type { CategoryScore, SafetyReport } from '@rampart/safety';
import {
  assessTurn,
  conversationWindow,
  ESCALATION_DETECTOR,
  nextRisk,
  WINDOW_MAX_CHARS,
  WINDOW_TURNS,
} from './conversation-risk';

const report = (categories: CategoryScore[]): SafetyReport => ({
  findings: [],
  categories,
  score: Math.max(0, ...categories.map((c) => c.score)),
  timings: {},
});

describe('conversation risk', () => {
  it('leaves the first turn of a conversation as the detectors scored it', () => {
    const turn = report([{ category: 'harmful:S2', score: 0.46 }]);
    const assessed = assessTurn(turn, 0);
    expect(assessed.report).toBe(turn);
    expect(assessed.risk).toBeCloseTo(nextRisk(0, 0.46));
  });

  it('raises a mildly risky turn in a risky conversation into a multi-turn escalation finding', () => {
    const { report: raised, risk } = assessTurn(report([{ category: 'harmful:S2', score: 0.46 }]), 0.42);
    const escalation = raised.findings.find((f) => f.detector === ESCALATION_DETECTOR);
    expect(escalation).toMatchObject({ category: 'multi_turn_escalation' });
    expect(escalation!.score).toBeGreaterThan(0.5);
    expect(raised.categories[0]).toEqual({ category: 'multi_turn_escalation', score: escalation!.score });
    expect(raised.score).toBe(escalation!.score);
    expect(risk).toBeCloseTo(nextRisk(0.42, escalation!.score));
  });

  it('does not let personal data build up risk or escalate: sharing contact details twice is no crescendo', () => {
    let risk = 0;
    for (const score of [0.9, 0.95, 0.95]) {
      const assessed = assessTurn(report([{ category: 'pii', score }]), risk);
      expect(assessed.report.findings).toEqual([]);
      risk = assessed.risk;
    }
    expect(risk).toBe(0);
  });

  it('reports one multi-turn category, the conversation’s own, whatever the detectors said', () => {
    const { report: assessed } = assessTurn(
      report([
        { category: 'multi_turn_escalation', score: 0.96 },
        { category: 'pii', score: 0.95 },
        { category: 'jailbreak', score: 0.3 },
      ]),
      0.5,
    );
    expect(assessed.categories.filter((c) => c.category === 'multi_turn_escalation')).toEqual([
      { category: 'multi_turn_escalation', score: 0.3 + 0.7 * 0.5 * 0.5 },
    ]);
  });

  it('lets a conversation’s risk fall again over benign turns', () => {
    let risk = 0.6;
    for (let i = 0; i < 5; i++) risk = assessTurn(report([]), risk).risk;
    expect(risk).toBeLessThan(0.25);
  });

  it('escalates a turn that says more read with the turns before it than alone, and says so', () => {
    const turn = report([{ category: 'harmful:S2', score: 0.1 }]);
    const window = { report: report([{ category: 'harmful:S2', score: 0.7 }]), turns: 3 };
    const { report: raised } = assessTurn(turn, 0, window);
    expect(raised.findings[0]).toMatchObject({
      detector: ESCALATION_DETECTOR,
      score: 0.7,
      reason: expect.stringContaining('read with the 3 turn(s) before it'),
    });
    // A window that adds nothing leaves the turn alone.
    expect(assessTurn(turn, 0, { report: report([]), turns: 3 }).report).toBe(turn);
  });

  it('reads only recent user turns into the window, within a size bound', () => {
    expect(conversationWindow([{ role: 'assistant', content: 'Hi!' }], 'hello')).toBeUndefined();
    const many = Array.from({ length: 10 }, (_, i) => ({ role: 'user', content: `turn ${i}` }));
    expect(conversationWindow(many, 'now')).toEqual({
      text: [...many.slice(-WINDOW_TURNS).map((m) => m.content), 'now'].join('\n'),
      turns: WINDOW_TURNS,
    });
    const long = [{ role: 'user', content: 'x'.repeat(10_000) }];
    expect(conversationWindow(long, 'now')!.text.length).toBe(WINDOW_MAX_CHARS);
  });
});
