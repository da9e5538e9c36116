import { z } from 'zod';
import { GOAL_CATEGORIES } from '../types';

/** Corpus names become the first half of goal ids (`harmful-requests/s9-pipe-bomb`): stable and readable. */
export const CORPUS_NAME = /^[a-z][a-z0-9-]{0,63}$/;
export const GOAL_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** No "+" or ",": the catalog's version joins manifest versions with "," and appends "+<digest>". */
export const MANIFEST_VERSION = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected at most ${max} characters` });

/** A corpus file must sit beside its manifest or below it: no absolute paths, no "..". */
const corpusFile = z
  .string({ error: 'expected the corpus file name, relative to the manifest' })
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+\.jsonl$/, {
    error: 'expected a relative path to a .jsonl file inside the manifest\'s directory (no "..")',
  });

const manifestCorpus = z.strictObject({
  name: z.string({ error: 'expected a corpus name' }).regex(CORPUS_NAME, {
    error: 'expected a lowercase name of letters, digits and "-", at most 64 characters',
  }),
  file: corpusFile,
  sha256: z
    .string({ error: 'expected the sha256 of the file, 64 lowercase hex digits' })
    .regex(/^[0-9a-f]{64}$/, { error: 'expected the sha256 of the file, 64 lowercase hex digits' }),
  goals: z
    .int({ error: 'expected the number of goals in the file, a whole number from 1' })
    .min(1, { error: 'expected the number of goals in the file, a whole number from 1' }),
  description: text('a description of the corpus', 1000),
});

export const goalManifestSchema = z.strictObject({
  version: z
    .string({ error: 'expected a version label in quotes, e.g. "2026.12.0"' })
    .regex(MANIFEST_VERSION, {
      error: 'expected a version label of letters, digits, ".", "_" and "-", at most 32 characters',
    }),
  corpora: z
    .array(manifestCorpus, { error: 'expected a list of corpora' })
    .min(1, { error: 'expected at least one corpus' }),
});

export type GoalManifestDocument = z.infer<typeof goalManifestSchema>;

export const goalRowSchema = z.strictObject({
  id: z.string({ error: 'expected a slug' }).regex(GOAL_SLUG, {
    error: 'expected a slug of lowercase letters, digits and "-", at most 80 characters',
  }),
  category: z.enum(GOAL_CATEGORIES, { error: `expected one of ${GOAL_CATEGORIES.join(', ')}` }),
  text: text('the request in plain words', 2000),
  topic: text('a short noun phrase for the subject', 120),
  indicators: z
    .array(text('an indicator word', 60), { error: 'expected a list of indicator words' })
    .min(1, { error: 'expected at least one indicator word' })
    .max(12, { error: 'expected at most 12 indicator words' }),
});

export type GoalRow = z.infer<typeof goalRowSchema>;

export const MANIFEST_KEYS = Object.keys(goalManifestSchema.shape);
export const MANIFEST_CORPUS_KEYS = Object.keys(manifestCorpus.shape);
export const GOAL_ROW_KEYS = Object.keys(goalRowSchema.shape);
