export { applyModifications, type AppliedModification, type ModificationResult } from './apply-modifications';
export { neutralizeMarkup, escapeHtml } from './markup-sanitizer';
