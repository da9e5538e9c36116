import { type z } from 'zod';
import { describeIssue as describeDocumentIssue, type Path, type Problem } from '@rampart/config';
import { ALLOWED_KEYS } from './constitution-schema';

// Turns validation issues into problems a policy author can act on: the path as they would write it,
// what was expected, and the key or value they probably meant (the wording is shared with every other
// document the platform loads; only where each key is allowed is the constitution's own).

export { formatPath, reservedKeys, suggest, valueAt, type Path } from '@rampart/config';
export type RawProblem = Problem;

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): RawProblem[] {
  return describeDocumentIssue(issue, input, allowedKeysAt);
}

function allowedKeysAt(path: Path): readonly string[] {
  const [first, , third, , fifth] = path;
  if (path.length === 0) return ALLOWED_KEYS.root;
  if (first === 'defaults' || (first === 'endpoints' && third === 'defaults')) return ALLOWED_KEYS.defaults;
  if (first === 'principles') {
    if (path.length === 2) return ALLOWED_KEYS.principle;
    if (third === 'covers') return ALLOWED_KEYS.covers;
    if (third === 'review') return ALLOWED_KEYS.review;
  }
  if (first === 'endpoints') {
    if (path.length === 2) return ALLOWED_KEYS.endpoint;
    if (path.length === 4) return ALLOWED_KEYS.override;
    if (fifth === 'review') return ALLOWED_KEYS.review;
  }
  return [];
}
