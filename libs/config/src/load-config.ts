import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Parses the environment against a schema. Every problem is reported at once, by variable name, so an
 * operator fixes a broken deployment in one round instead of one variable per crash loop.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // An empty variable means "not set": Helm and compose files often render unset values as "".
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    variable: issue.path.length > 0 ? issue.path.join('.') : '(environment)',
    problem:
      issue.path.length === 1 && cleaned[String(issue.path[0])] === undefined
        ? 'is required but not set'
        : issue.message,
  }));
  throw new ConfigError(problems);
}
