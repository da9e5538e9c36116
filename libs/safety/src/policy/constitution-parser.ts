import { LineCounter, parseDocument } from 'yaml';
import { lineOf } from '@rampart/config';
import { DIRECTIONS, DEFAULT_BLOCK_THRESHOLD, type Constitution, type EndpointPolicy } from './constitution';
import { constitutionSchema, type ConstitutionDocument } from './constitution-schema';
import {
  describeIssue,
  formatPath,
  reservedKeys,
  suggest,
  type Path,
  type RawProblem,
} from './constitution-problems';
import { PolicyError } from './policy-error';

/** A policy is an operator's document, not a data set: anything larger is a mistake or an attack. */
export const MAX_CONSTITUTION_CHARS = 1_048_576;

type ReviewDocument = NonNullable<ConstitutionDocument['principles'][number]['review']>;

/**
 * Parses and validates a constitution written in YAML. Throws a `PolicyError` (`POLICY_INVALID`) that
 * lists every problem with its path and line, e.g. `principles[3].threshold: expected a number between 0
 * and 1 (line 42)`.
 */
export function parseConstitution(source: string): Constitution {
  if (source.length > MAX_CONSTITUTION_CHARS)
    throw PolicyError.invalid([
      { path: '(document)', problem: `larger than ${MAX_CONSTITUTION_CHARS} characters` },
    ]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0)
    throw PolicyError.invalid(
      doc.errors.map((error) => ({
        path: `(yaml, line ${lineCounter.linePos(error.pos[0]).line})`,
        problem: error.message.split('\n')[0] ?? error.code,
      })),
    );
  let value: unknown;
  try {
    // Aliases can multiply a small document into a huge one ("billion laughs"); a policy needs few.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw PolicyError.invalid([
      { path: '(yaml)', problem: error instanceof Error ? error.message : 'unreadable' },
    ]);
  }
  return validate(value, (path) => lineOf(doc, lineCounter, path));
}

/** Validates a constitution that is already a JavaScript value (e.g. from a JSON request body). */
export function validateConstitution(value: unknown): Constitution {
  return validate(value, () => undefined);
}

/** A copy of the constitution with another default threshold: the one number the benchmark tunes. */
export function withBlockThreshold(constitution: Constitution, blockThreshold: number): Constitution {
  if (!(blockThreshold >= 0 && blockThreshold <= 1))
    throw PolicyError.invalid([
      { path: 'defaults.block_threshold', problem: 'expected a number between 0 and 1' },
    ]);
  return Object.freeze({ ...constitution, defaults: Object.freeze({ blockThreshold }) });
}

function validate(value: unknown, line: (path: Path) => number | undefined): Constitution {
  const result = constitutionSchema.safeParse(value);
  const problems = [
    ...reservedKeys(value, []),
    ...(result.success
      ? crossCheck(result.data)
      : result.error.issues.flatMap((i) => describeIssue(i, value))),
  ];
  if (problems.length > 0) {
    throw PolicyError.invalid(
      problems.map(({ path, problem }) => {
        const at = line(path);
        return { path: formatPath(path), problem: at === undefined ? problem : `${problem} (line ${at})` };
      }),
    );
  }
  return toConstitution(result.data!);
}

function crossCheck(doc: ConstitutionDocument): RawProblem[] {
  const problems: RawProblem[] = [];
  const firstIndex = new Map<string, number>();
  doc.principles.forEach((principle, index) => {
    const earlier = firstIndex.get(principle.id);
    if (earlier === undefined) firstIndex.set(principle.id, index);
    else
      problems.push({
        path: ['principles', index, 'id'],
        problem: `duplicate id "${principle.id}" (also principles[${earlier}])`,
      });
  });
  const ids = [...firstIndex.keys()];
  for (const [name, endpoint] of Object.entries(doc.endpoints ?? {})) {
    const disabled = new Set(endpoint.disable ?? []);
    (endpoint.disable ?? []).forEach((id, index) => {
      if (!firstIndex.has(id))
        problems.push({
          path: ['endpoints', name, 'disable', index],
          problem: `unknown principle "${id}"${suggest(id, ids)}`,
        });
    });
    for (const id of Object.keys(endpoint.principles ?? {})) {
      const path = ['endpoints', name, 'principles', id];
      if (!firstIndex.has(id)) problems.push({ path, problem: `unknown principle${suggest(id, ids)}` });
      else if (disabled.has(id))
        problems.push({ path, problem: 'is both disabled and overridden on this endpoint; keep one' });
    }
  }
  return problems;
}

function toConstitution(doc: ConstitutionDocument): Constitution {
  const endpoints: Record<string, EndpointPolicy> = Object.create(null) as Record<string, EndpointPolicy>;
  for (const [name, endpoint] of Object.entries(doc.endpoints ?? {})) {
    const principles: Record<string, EndpointPolicy['principles'][string]> = Object.create(null) as Record<
      string,
      EndpointPolicy['principles'][string]
    >;
    for (const [id, o] of Object.entries(endpoint.principles ?? {})) {
      principles[id] = {
        ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
        ...(o.action === undefined ? {} : { action: o.action }),
        ...(o.priority === undefined ? {} : { priority: o.priority }),
        ...(o.directions === undefined ? {} : { directions: unique(o.directions) }),
        ...(o.review === undefined ? {} : { review: toReview(o.review) }),
      };
    }
    endpoints[name] = {
      ...(endpoint.defaults === undefined ? {} : { blockThreshold: endpoint.defaults.block_threshold }),
      disable: unique(endpoint.disable ?? []),
      principles,
    };
  }
  return deepFreeze({
    version: doc.version,
    ...(doc.description === undefined ? {} : { description: doc.description }),
    defaults: { blockThreshold: doc.defaults?.block_threshold ?? DEFAULT_BLOCK_THRESHOLD },
    principles: doc.principles.map((p) => ({
      id: p.id,
      priority: p.priority,
      description: p.description,
      covers: {
        categories: unique(p.covers.categories ?? []),
        detectors: unique(p.covers.detectors ?? []),
        hazards: unique(p.covers.hazards ?? []),
      },
      ...(p.threshold === undefined ? {} : { threshold: p.threshold }),
      directions: unique(p.directions ?? [...DIRECTIONS]),
      ...(p.action === undefined ? {} : { action: p.action }),
      ...(p.review === undefined ? {} : { review: toReview(p.review) }),
    })),
    endpoints,
  }) as Constitution;
}

function toReview(review: ReviewDocument) {
  return {
    llm: review.llm,
    failMode: review.fail_mode,
    timeoutMs: review.timeout_ms,
    minScore: review.min_score,
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
