import type { Detector } from '../../types';
import { HarmfulContentDetector } from './harmful-content.detector';
import { SystemPromptLeakDetector, type SystemPromptLeakOptions } from './system-prompt-leak.detector';
import { UnsafeMarkupDetector, type UnsafeMarkupOptions } from './unsafe-markup.detector';

export { HarmfulContentDetector } from './harmful-content.detector';
export { SystemPromptLeakDetector, type SystemPromptLeakOptions } from './system-prompt-leak.detector';
export { UnsafeMarkupDetector, type UnsafeMarkupOptions } from './unsafe-markup.detector';
export { findCodeRanges } from './code-ranges';
export {
  isDangerousUrl,
  decodeCharacterReferences,
  readTag,
  type HtmlTag,
  type HtmlAttribute,
} from './html-scanner';
export { findMarkdownUrls, type MarkdownUrl } from './markdown-links';

export interface OutputDetectorOptions {
  leakage?: SystemPromptLeakOptions;
  markup?: UnsafeMarkupOptions;
}

/** The output-only detectors: system-prompt leakage (with canaries), harmful content and unsafe markup. */
export function createOutputDetectors(options: OutputDetectorOptions = {}): Detector[] {
  return [
    new SystemPromptLeakDetector(options.leakage),
    new HarmfulContentDetector(),
    new UnsafeMarkupDetector(options.markup),
  ];
}
