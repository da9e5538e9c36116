import { createJudges } from './default-judges';

describe('createJudges', () => {
  it('returns the judges in a fixed order, the LLM judge last and only when configured', () => {
    expect(createJudges().map((j) => j.id)).toEqual([
      'guardrail-verdict',
      'refusal',
      'harmful-content',
      'leakage',
      'success-criteria',
    ]);
    expect(
      createJudges({ llm: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } })
        .map((j) => j.id)
        .at(-1),
    ).toBe('llm');
  });
});
