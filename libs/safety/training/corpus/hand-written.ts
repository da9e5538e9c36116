import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Example } from './example';

/**
 * Prompts written by the project's own contributors, one JSON object a line in training/data/*.jsonl:
 * {"text", "injection", "jailbreak", "harmful", "family"}. Templates give the corpus breadth; these give it
 * the phrasing of real requests that templates cannot reach (backstories, typos, long community-style
 * jailbreaks, pasted documents). They are training data only: never copied from a dataset, and never used
 * to measure the guard (the accuracy benchmark reads data the project does not own).
 */
export interface HandWrittenSet {
  examples: Example[];
  /** sha256 over the files' bytes in name order: part of the model's provenance. */
  digest: string;
  files: string[];
}

export function handWrittenDirectory(): string {
  // From the sources (under jest) or from training/dist/training/corpus (compiled).
  const beside = resolve(__dirname, '..', 'data');
  const compiled = resolve(__dirname, '..', '..', '..', 'data');
  for (const candidate of [beside, compiled]) {
    try {
      readdirSync(candidate);
      return candidate;
    } catch {
      // try the next layout
    }
  }
  return beside;
}

export function loadHandWritten(directory = handWrittenDirectory()): HandWrittenSet {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const hash = createHash('sha256');
  const examples: Example[] = [];
  for (const name of files) {
    const bytes = readFileSync(join(directory, name));
    hash.update(name).update(bytes);
    bytes
      .toString('utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        examples.push(parseLine(line, `${name}:${index + 1}`));
      });
  }
  return { examples, digest: hash.digest('hex'), files };
}

const LABEL = (value: unknown): value is 0 | 1 => value === 0 || value === 1;

function parseLine(line: string, where: string): Example {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`${where}: not valid JSON`);
  }
  const { text, injection, jailbreak, harmful, family } = row;
  if (typeof text !== 'string' || text.trim() === '')
    throw new Error(`${where}: text must be a non-empty string`);
  if (!LABEL(injection) || !LABEL(jailbreak) || !LABEL(harmful))
    throw new Error(`${where}: injection, jailbreak and harmful must each be 0 or 1`);
  if (typeof family !== 'string' || family === '') throw new Error(`${where}: family must be a string`);
  return { text: text.trim(), injection, jailbreak, harmful, family: `hand:${family}` };
}
