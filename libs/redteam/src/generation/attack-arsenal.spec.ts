import { loadAttackArsenal } from './attack-arsenal';

describe('loadAttackArsenal', () => {
  it('loads the shipped strategies, personas and goals into a generator that keeps the turn cap', () => {
    const arsenal = loadAttackArsenal({ maxTurnsCap: 2 });
    expect(arsenal.strategies.ids()).toContain('crescendo');
    expect(arsenal.generator.dataVersion).toBe(arsenal.dataVersion);
    const attack = arsenal.generator.generate({
      persona: 'jailbreak_attacker',
      strategy: 'crescendo',
      seed: 'cap',
    });
    expect(attack.turns.length).toBeLessThanOrEqual(2);
    expect(arsenal.personas.get(attack.persona).id).toBe('jailbreak_attacker');
  });
});
