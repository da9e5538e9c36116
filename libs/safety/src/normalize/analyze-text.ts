import type { TextAnalyzer } from '../engine/safety-guard';
import type { DecodedSegment, EvasionSignals } from '../types';
import { characterPass } from './character-pass';
import { mapSpan, NormalizedText } from './normalized-text';
import { rot13 } from './rot13-scanner';
import { DEFAULT_DECODE_LIMITS, findEncodedPayloads, type DecodeLimits } from './payload-decoder';
import { SafetyError } from './safety-error';
import { TextBuffer } from './text-buffer';
import { findDialogueTail } from './dialogue-tail';
import { findWordGames } from './word-games';
import { wordPass } from './word-pass';

export interface AnalyzeOptions {
  /** Find and decode base64, hex, URL-encoded and rot13 payloads (default true). */
  decode?: boolean;
  /** Limits on decoding: nesting depth (at most 2), segment count, longest run decoded. */
  decodeLimits?: Partial<DecodeLimits>;
  /** Undo leetspeak in words that mix letters with digits or symbols (default true). */
  leetspeak?: boolean;
  /** Join "i g n o r e"-style runs of single characters (default true). */
  joinSpacedLetters?: boolean;
}

/** Shorter hidden runs carry no instruction worth a rescan (they still count as evasion). */
const MIN_TAG_TEXT = 8;

/** Reused by every call: analysis is synchronous, so one buffer per isolate is never shared mid-use. */
const buffer = new TextBuffer();

/**
 * Prepares a text for the detectors: the normalised form with its map back to original offsets, the
 * evasion signals met on the way, and the encoded payloads found and decoded for a rescan.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): NormalizedText {
  if (typeof text !== 'string')
    throw new SafetyError('SAFETY_INVALID_INPUT', `text to analyse must be a string, got ${typeof text}`);
  const decode = options.decode ?? true;
  const characters = characterPass(text, buffer);
  const words = wordPass(buffer, {
    leetspeak: options.leetspeak ?? true,
    joinSpacedLetters: options.joinSpacedLetters ?? true,
    rot13: decode,
    spacedPairs: characters.spacedPairs,
    original: text,
  });
  const normalized = buffer.text();
  const starts = buffer.startsCopy();
  let decoded: DecodedSegment[] = [];
  if (decode) {
    const limits = { ...DEFAULT_DECODE_LIMITS, ...options.decodeLimits };
    limits.maxDepth = Math.min(limits.maxDepth, 2);
    const rot13Segments = words.rot13Runs.map((run) => {
      const span = mapSpan(text, starts, run.start, run.end);
      return { ...span, decoded: rot13(text.slice(span.start, span.end)) };
    });
    decoded = findEncodedPayloads(text, limits, {
      encodedRuns: characters.encodedRuns,
      percents: characters.percents,
      hexPairs: characters.hexPairs,
      rot13: rot13Segments,
    });
    // Text smuggled in tag characters is invisible to a reader but not to a model: scan what it says.
    if (characters.tagText.trim().length >= MIN_TAG_TEXT && decoded.length < limits.maxSegments) {
      decoded.push({
        encoding: 'unicode_tags',
        span: { start: characters.tagStart, end: characters.tagEnd },
        decoded: characters.tagText,
      });
    }
    const tail = decoded.length < limits.maxSegments ? findDialogueTail(text) : undefined;
    if (tail)
      decoded.push({
        encoding: 'dialogue_tail',
        span: { start: tail.start, end: tail.end },
        decoded: tail.decoded,
      });
    for (const run of findWordGames(normalized)) {
      if (decoded.length >= limits.maxSegments) break;
      decoded.push({
        encoding: run.kind,
        span: mapSpan(text, starts, run.start, run.end),
        decoded: run.decoded,
      });
    }
  }
  const signals: EvasionSignals = {
    foldedChars: words.foldedChars,
    invisibleChars: characters.invisibleChars,
    ...(characters.tagText ? { tagText: characters.tagText } : {}),
  };
  return new NormalizedText(text, normalized, starts, decoded, signals, characters.digits);
}

/** `analyzeText` with fixed options, in the shape `SafetyGuard` takes. */
export function createTextAnalyzer(options: AnalyzeOptions = {}): TextAnalyzer {
  return (text) => analyzeText(text, options);
}
