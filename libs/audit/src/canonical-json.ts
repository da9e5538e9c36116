import { AuditError } from './audit-error';

/** A value that survives JSON and Postgres jsonb unchanged. Object members that are undefined are omitted. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export interface CanonicalJsonOptions {
  /** Names the value in errors, e.g. `payload`; paths below it are appended (`payload.items[2]`). */
  label?: string;
  /** Nesting deeper than this is refused: it guards the recursion, and no audit payload needs it. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 64;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialization that is also a gate: it refuses every value that
 * would not read back from Postgres jsonb as the same JSON, so that a hash computed before the insert
 * matches the one the verifier recomputes years later.
 *
 * Why not the `canonicalize` package: its 4.0 release is ESM-only with an `exports` map that has no
 * `require` condition, so compiled CommonJS (our services, the CLI, the bench) cannot load it; it also
 * silently turns `undefined` in arrays into null and accepts NUL characters, which jsonb rejects.
 * The unit tests check this implementation against it.
 */
export function canonicalJson(value: unknown, options: CanonicalJsonOptions = {}): string {
  return new Serializer(options.maxDepth ?? DEFAULT_MAX_DEPTH).write(value, options.label ?? 'value', 0);
}

/** Serialization of a string that has passed `assertStorableString`: JSON.stringify escapes exactly as RFC 8785 asks. */
export function canonicalString(value: string, label: string): string {
  assertStorableString(value, label);
  return JSON.stringify(value);
}

/**
 * Postgres text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate is not Unicode at all: the driver
 * would encode it as U+FFFD, so the stored text would differ from the hashed one.
 */
export function assertStorableString(value: string, label: string): void {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0) invalid(label, 'contains a NUL character (\\u0000), which Postgres cannot store');
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff))
        invalid(label, `contains a lone UTF-16 surrogate at index ${i}`);
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      invalid(label, `contains a lone UTF-16 surrogate at index ${i}`);
    }
  }
}

function invalid(path: string, problem: string): never {
  throw new AuditError('AUDIT_INVALID_ENTRY', `Audit entry ${path} ${problem}`, { details: { field: path } });
}

class Serializer {
  private readonly ancestors = new Set<object>();

  constructor(private readonly maxDepth: number) {}

  write(value: unknown, path: string, depth: number): string {
    switch (typeof value) {
      case 'string':
        return canonicalString(value, path);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(value)) invalid(path, `is ${value}, which JSON cannot represent`);
        // ECMAScript's Number-to-string is the number format RFC 8785 prescribes; -0 becomes "0" as required.
        return JSON.stringify(value);
      case 'object':
        if (value === null) return 'null';
        return this.writeContainer(value, path, depth);
      case 'bigint':
        return invalid(path, 'is a bigint; pass it as a string or a safe integer');
      case 'undefined':
      case 'function':
      case 'symbol':
        return invalid(path, `is ${typeof value}, which is not a JSON value`);
    }
  }

  private writeContainer(value: object, path: string, depth: number): string {
    if (depth >= this.maxDepth) invalid(path, `is nested deeper than ${this.maxDepth} levels`);
    if (this.ancestors.has(value)) invalid(path, 'is a circular reference');
    this.ancestors.add(value);
    try {
      if (Array.isArray(value)) return this.writeArray(value, path, depth);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        invalid(path, `is a ${kind}, not a plain object; convert it first (a Date with toISOString())`);
      }
      return this.writeObject(value as Record<string, unknown>, path, depth);
    } finally {
      this.ancestors.delete(value);
    }
  }

  private writeArray(value: readonly unknown[], path: string, depth: number): string {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      // JSON.stringify would turn undefined (and holes) into null: a different value than the caller gave.
      if (!(i in value) || value[i] === undefined) invalid(`${path}[${i}]`, 'is undefined');
      parts.push(this.write(value[i], `${path}[${i}]`, depth + 1));
    }
    return `[${parts.join(',')}]`;
  }

  private writeObject(value: Record<string, unknown>, path: string, depth: number): string {
    // Default sort compares UTF-16 code units, the member order RFC 8785 specifies.
    const keys = Object.keys(value).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const member = value[key];
      if (member === undefined) continue;
      const memberPath = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`;
      parts.push(
        `${canonicalString(key, `${memberPath} (key)`)}:${this.write(member, memberPath, depth + 1)}`,
      );
    }
    return `{${parts.join(',')}}`;
  }
}
