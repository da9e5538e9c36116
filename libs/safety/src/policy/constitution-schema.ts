import { z } from 'zod';
import { ACTIONS, CATEGORIES, DIRECTIONS, HAZARD_CODES, PRIORITIES } from './constitution';

/**
 * The YAML document's schema. Every object is strict (an unknown key is a typo that would silently turn
 * a rule off), and every message says what was expected in words a policy author understands.
 */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` });

const BETWEEN_0_AND_1 = 'expected a number between 0 and 1';
const score = () =>
  z.number({ error: BETWEEN_0_AND_1 }).min(0, { error: BETWEEN_0_AND_1 }).max(1, { error: BETWEEN_0_AND_1 });

export const PRINCIPLE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const principleId = () =>
  z.string({ error: 'expected a principle id' }).regex(PRINCIPLE_ID, {
    error: 'expected a lowercase id of letters, digits, ".", "_" and "-", at most 64 characters',
  });

// Endpoint names come from callers (`context.endpoint`); they never start with "_", so `__proto__` and
// friends cannot be keys.
export const ENDPOINT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

const DETECTOR_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/;

const directions = () =>
  z.array(oneOf(DIRECTIONS)).min(1, { error: 'expected at least one of input, output' });

const review = z.strictObject({
  llm: z.boolean({ error: 'expected true or false' }),
  fail_mode: oneOf(['closed', 'open']).default('closed'),
  timeout_ms: z
    .number({ error: 'expected a whole number of milliseconds between 50 and 60000' })
    .int({ error: 'expected a whole number of milliseconds between 50 and 60000' })
    .min(50, { error: 'expected a whole number of milliseconds between 50 and 60000' })
    .max(60_000, { error: 'expected a whole number of milliseconds between 50 and 60000' })
    .default(1500),
  min_score: score().default(0),
});

const covers = z
  .strictObject({
    categories: z.array(oneOf(CATEGORIES as [string, ...string[]])).optional(),
    detectors: z
      .array(
        z.string().regex(DETECTOR_PATTERN, {
          error: 'expected a detector id such as "pii.email" or a prefix such as "pii.*"',
        }),
      )
      .optional(),
    hazards: z.array(oneOf(HAZARD_CODES as [string, ...string[]])).optional(),
  })
  .refine((c) => (c.categories?.length ?? 0) + (c.detectors?.length ?? 0) + (c.hazards?.length ?? 0) > 0, {
    error: 'expected at least one category, detector or hazard: a principle that covers nothing never fires',
  });

const principle = z.strictObject({
  id: principleId(),
  priority: oneOf(PRIORITIES),
  description: z
    .string({ error: 'expected a description of what the principle protects' })
    .trim()
    .min(1, { error: 'expected a description of what the principle protects' })
    .max(2000, { error: 'expected at most 2000 characters' }),
  covers,
  threshold: score().optional(),
  directions: directions().optional(),
  action: oneOf(ACTIONS).optional(),
  review: review.optional(),
});

const override = z.strictObject({
  threshold: score().optional(),
  action: oneOf(ACTIONS).optional(),
  priority: oneOf(PRIORITIES).optional(),
  directions: directions().optional(),
  review: review.optional(),
});

const defaults = z.strictObject({ block_threshold: score() });

const endpoint = z.strictObject({
  defaults: defaults.optional(),
  disable: z.array(principleId()).optional(),
  principles: z.record(principleId(), override).optional(),
});

export const constitutionSchema = z.strictObject({
  version: z
    .string({ error: 'expected a version label in quotes, e.g. "2026.11.1" (unquoted, YAML reads a number)' })
    .trim()
    .min(1, { error: 'expected a non-empty version label' })
    .max(64, { error: 'expected at most 64 characters' }),
  description: z.string({ error: 'expected text' }).max(4000).optional(),
  defaults: defaults.optional(),
  principles: z
    .array(principle, { error: 'expected a list of principles' })
    .min(1, { error: 'expected at least one principle' }),
  endpoints: z
    .record(
      z.string().regex(ENDPOINT_NAME, {
        error:
          'expected an endpoint name of letters, digits, ".", "_", ":", "/" and "-" not starting with a symbol',
      }),
      endpoint,
    )
    .optional(),
});

export type ConstitutionDocument = z.infer<typeof constitutionSchema>;

/** The keys each kind of object accepts, to list them when an author writes one that does not exist. */
export const ALLOWED_KEYS = {
  root: Object.keys(constitutionSchema.shape),
  defaults: Object.keys(defaults.shape),
  principle: Object.keys(principle.shape),
  covers: ['categories', 'detectors', 'hazards'],
  review: Object.keys(review.shape),
  endpoint: Object.keys(endpoint.shape),
  override: Object.keys(override.shape),
} as const;
