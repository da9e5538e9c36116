import { lastUserRequest, responseComplies } from './request-in-context';

describe('responseComplies', () => {
  it('reads agreement and step lists as complying', () => {
    expect(responseComplies('Sure! Here is how you do it.')).toBe(true);
    expect(responseComplies("Of course — here's the full method.")).toBe(true);
    expect(responseComplies('Step 1: get ready. Step 2: go.')).toBe(true);
    expect(responseComplies('The process has three parts.\n1. Prepare\n2. Execute\n3. Clean up')).toBe(true);
  });

  it('reads refusals, even polite or partial ones, and plain prose as not complying', () => {
    expect(responseComplies("I'm sorry, but I can't help with that.")).toBe(false);
    expect(responseComplies('Sure, I understand the question, but I cannot provide that information.')).toBe(
      false,
    );
    expect(responseComplies("As an AI, I won't give instructions for that.")).toBe(false);
    expect(responseComplies('Poisoning is a serious crime; if you fear for someone, call the police.')).toBe(
      false,
    );
  });
});

describe('lastUserRequest', () => {
  it('takes the last user message, skipping the assistant and system ones', () => {
    expect(
      lastUserRequest([
        { role: 'system', content: 's' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'a' },
        { role: 'user', content: 'second' },
        { role: 'assistant', content: 'b' },
      ]),
    ).toBe('second');
    expect(lastUserRequest([{ role: 'assistant', content: 'a' }])).toBeUndefined();
    expect(lastUserRequest(undefined)).toBeUndefined();
  });
});
