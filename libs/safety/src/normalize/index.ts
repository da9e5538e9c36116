export { analyzeText, createTextAnalyzer, type AnalyzeOptions } from './analyze-text';
export { NormalizedText, originalSpan } from './normalized-text';
export { findEncodedPayloads, DEFAULT_DECODE_LIMITS, type DecodeLimits } from './payload-decoder';
export { rot13 } from './rot13-scanner';
export { isLexiconWord } from './lexicon';
export { SafetyError, type SafetyErrorCode } from './safety-error';
