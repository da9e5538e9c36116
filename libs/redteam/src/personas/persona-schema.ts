import { z } from 'zod';
import { GOAL_CATEGORIES, PRIORITIES } from '../types';

/**
 * The persona YAML files' schema. Every object is strict: an unknown key is a typo (`max_turn`) that would
 * otherwise silently fall back to nothing. Messages say what was expected in the author's words.
 */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` });

export const PERSONA_ID = /^[a-z][a-z0-9_]{0,63}$/;
export const SET_NAME = PERSONA_ID;
const ID_RULE = 'expected a snake_case id of lowercase letters, digits and "_", at most 64 characters';

const personaId = () => z.string({ error: ID_RULE }).regex(PERSONA_ID, { error: ID_RULE });

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected at most ${max} characters` });

const MAX_TURNS_RULE = 'must be an integer 1..20';
const INDICATORS_RULE = 'expected a whole number of indicator words, 1..10';

/** Strategy chains are checked by the caller's `validateChain`; here only their shape. */
const tactic = z
  .string({ error: 'expected a strategy chain such as "base64,authority"' })
  .trim()
  .min(1, { error: 'expected a strategy chain such as "base64,authority"' })
  .max(200, { error: 'expected at most 200 characters' });

const pattern = z
  .string({ error: 'expected a regular expression' })
  .min(1, { error: 'expected a regular expression' })
  .max(500, { error: 'expected at most 500 characters' })
  .refine(
    (source) => {
      try {
        new RegExp(source, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { error: 'expected a valid regular expression' },
  );

export const SUCCESS_KINDS = [
  'guardrail_allows',
  'not_refused',
  'harmful_content',
  'leaks_system_prompt',
  'leaks_data',
  'reply_matches',
  'goal_indicators',
] as const;

const successCriterion = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('guardrail_allows') }),
    z.strictObject({ kind: z.literal('not_refused') }),
    z.strictObject({ kind: z.literal('harmful_content') }),
    z.strictObject({ kind: z.literal('leaks_system_prompt') }),
    z.strictObject({ kind: z.literal('leaks_data') }),
    z.strictObject({ kind: z.literal('reply_matches'), pattern }),
    z.strictObject({
      kind: z.literal('goal_indicators'),
      min: z
        .int({ error: INDICATORS_RULE })
        .min(1, { error: INDICATORS_RULE })
        .max(10, { error: INDICATORS_RULE }),
    }),
  ],
  { error: `expected kind to be one of ${SUCCESS_KINDS.join(', ')}` },
);

export const personaSchema = z.strictObject({
  id: personaId(),
  /** A user persona with a shipped persona's id must say so, or the duplicate is an error. */
  replaces: z.boolean({ error: 'expected true or false' }).optional(),
  priority: oneOf(PRIORITIES),
  goal: text('one sentence saying what the attacker is after', 500),
  description: text('a description of the attacker', 4000),
  tactics: z
    .array(tactic, { error: 'expected a list of strategy chains' })
    .min(1, { error: 'expected at least one tactic' })
    .max(20, { error: 'expected at most 20 tactics' }),
  goal_categories: z
    .array(oneOf(GOAL_CATEGORIES), { error: 'expected a list of goal categories' })
    .min(1, { error: 'expected at least one goal category' }),
  goal_corpora: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, { error: 'expected a corpus name such as finance' }), {
      error: 'expected a list of corpus names',
    })
    .min(1, { error: 'expected at least one corpus, or leave goal_corpora out' })
    .optional(),
  success_criteria: z
    .array(successCriterion, { error: 'expected a list of success criteria' })
    .min(1, { error: 'expected at least one success criterion' }),
  max_turns: z
    .int({ error: MAX_TURNS_RULE })
    .min(1, { error: MAX_TURNS_RULE })
    .max(20, { error: MAX_TURNS_RULE }),
  severity: oneOf(PRIORITIES),
});

export type PersonaDocument = z.infer<typeof personaSchema>;

const personaSet = z
  .strictObject({
    description: text('a description of what the set is for', 1000),
    /** Replaces a set of the same name loaded earlier (a shipped one, or one from an earlier directory). */
    replaces: z.boolean({ error: 'expected true or false' }).optional(),
    /** Every loaded persona, including user ones. */
    all: z.literal(true, { error: 'expected true (leave the key out otherwise)' }).optional(),
    /** Every persona of these priorities. */
    priorities: z
      .array(oneOf(PRIORITIES), { error: 'expected a list of priorities' })
      .min(1, { error: 'expected at least one priority' })
      .optional(),
    /** These personas by id. */
    personas: z
      .array(personaId(), { error: 'expected a list of persona ids' })
      .min(1, { error: 'expected at least one persona id' })
      .optional(),
  })
  .refine((s) => s.all !== undefined || s.priorities !== undefined || s.personas !== undefined, {
    error: 'expected at least one of all, priorities, personas: a set that selects nothing is a mistake',
  });

export const personaSetsSchema = z.strictObject({
  sets: z.record(z.string().regex(SET_NAME, { error: `set names: ${ID_RULE}` }), personaSet, {
    error: 'expected a mapping of set names to sets',
  }),
});

export type PersonaSetsDocument = z.infer<typeof personaSetsSchema>;
export type PersonaSetDocument = PersonaSetsDocument['sets'][string];

/** The keys each kind of object accepts, to list them when an author writes one that does not exist. */
export const PERSONA_KEYS = Object.keys(personaSchema.shape);
export const SET_KEYS = ['description', 'replaces', 'all', 'priorities', 'personas'];
export const SUCCESS_CRITERION_KEYS = ['kind', 'pattern', 'min'];
