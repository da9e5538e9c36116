export * from './attack-target';
export * from './guardrail.target';
export * from './guardrail-output.target';
export * from './guarded.target';
export * from './openai-chat.target';
export * from './http.target';
export { parseJsonPath, evaluateJsonPath, type JsonPathSegment, type JsonPathResult } from './json-path';
export * from './target-config';
export * from './target-factory';
