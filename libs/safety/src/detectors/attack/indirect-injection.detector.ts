import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding } from '../../types';
import {
  cue,
  describe,
  evidence,
  originalSpan,
  scanCues,
  sigmoid,
  type Cue,
  type CueHit,
} from './cue-scanner';
import { findRegions, regionOf, type Region } from './embedded-content';
import { OVERRIDE_EUROPEAN, OVERRIDE_OTHER_SCRIPTS } from './injection-social.cues';
import { EXTRA_DOC_CUES } from './indirect-injection.cues';
import {
  AUTHORITY_CLAIM,
  INSTEAD_HIJACK,
  OVERRIDE_CONTEXT,
  NEW_INSTRUCTIONS,
  OBEY_ME,
  OVERRIDE_NON_LATIN,
  OVERRIDE_POSITIONAL,
  OVERRIDE_STRONG,
  PRIVILEGED_MODE,
  ROLE_HEADERS,
  ROLE_TAGS,
} from './injection.cues';

/*
 * Text inside processed content that addresses the model instead of the human reader. Each cue alone is
 * plausible in a real document ("reply to this email by Friday"); what makes it an injection is that it
 * sits in the data, speaks to an AI or about its output, or hides from the human.
 */
const DOC_CUES: readonly Cue[] = [
  OVERRIDE_STRONG,
  OVERRIDE_CONTEXT,
  OVERRIDE_POSITIONAL,
  OVERRIDE_EUROPEAN,
  OVERRIDE_OTHER_SCRIPTS,
  OVERRIDE_NON_LATIN,
  NEW_INSTRUCTIONS,
  OBEY_ME,
  PRIVILEGED_MODE,
  ROLE_TAGS,
  ROLE_HEADERS,
  AUTHORITY_CLAIM,
  INSTEAD_HIJACK,
  ...EXTRA_DOC_CUES,
  // Not "ignore the previous email": people write that to each other.
  cue(
    'doc.ignore_content',
    'override',
    2.6,
    ['ignor', 'disregard', 'forget'],
    /\b(?:ignore|ignoring|disregard|disregarding|forget)\s+(?:about\s+)?(?:the|this|that|all|any|my|your)\s+(?:(?:above|previous|given|following|provided|original|actual|real)\s+)?(?:webpage|web page|page|document|resume|cv|article|text|content|file|data|table|code|function|question|task|review|transcript|summary|paper|input|transaction|context|request|user)s?\b/,
    'tells the model to disregard the content it is processing',
  ),
  cue(
    'doc.addresses_ai',
    'addresses_ai',
    2.4,
    ['ai', 'assistant', 'model', 'llm', 'bot', 'gpt', 'claude', 'summari', 'agent', 'copilot'],
    /\b(?:(?:dear|attention|hey|hello|hi|note to|message (?:to|for)|instructions? for)\s+(?:the\s+)?(?:ai|assistant|model|llm|language model|chatbot|bot|gpt|chatgpt|claude|gemini|copilot|agent|summari[sz]er|reader bot)|if you are an? (?:ai|llm|language model|assistant|chatbot|bot|automated|large language model|ai model)|(?:ai|assistant|llm|language model|chatbot|summari[sz]er|ai model)s?\s+(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing) this|(?<=\b(?:the|any|an?)\s)(?:ai|assistant|model|llm|language model|chatbot|bot|summari[sz]er|agent)\s+(?:must|should|shall|will|needs? to|is (?:instructed|required|told) to))\b/,
    'speaks to the AI processing the content',
  ),
  cue(
    'doc.tell_user',
    'steer_output',
    2.4,
    ['user', 'reader'],
    /\b(?:tell|inform|remind|instruct|warn|advise|direct|ask|urge|convince|notify|alert)\s+(?:the|this)\s+(?:user|reader)s?\s+(?:to|that|about)\b/,
    'tells the model what to say to its user',
  ),
  cue(
    'doc.output_target',
    'steer_output',
    2.2,
    ['summary', 'response', 'answer', 'output', 'reply', 'translation'],
    /\b(?:in|into|to|within|at the (?:end|start|beginning) of)\s+(?:the|your)\s+(?:summary|response|answer|output|reply|translation|final answer|result)\b/,
    'dictates what the model’s own output must contain',
  ),
  cue(
    'doc.say_this',
    'payload',
    1.5,
    ['say', 'state', 'print', 'output', 'respond', 'reply', 'write', 'declare', 'mention', 'admit'],
    /\b(?:say|state|print|output|respond with|reply with|write|declare|mention|admit|claim)\s+(?:only\s+|instead\s+|that\s+)?(?:the following|this|exactly|the word|the phrase|the sentence)?\s*[:"'“]/,
    'contains a verbatim payload for the model to repeat',
  ),
  cue(
    'doc.answer_assertion',
    'steer_output',
    1.8,
    ['output', 'result', 'answer', 'return', 'capital', 'sum', 'total'],
    /\b(?:(?:consider|treat|take|report|state|assume|suppose)\b[^.]{0,30}\b(?:output|result|answer|return value|sum|total|conclusion)\b|(?:output|result|answer|return value|sum|total|capital|conclusion|verdict|summary)\s+(?:of [^.:]{1,40}\s)?(?:is|as|should be|could be|would be|will be|must be|equals)\s*:?\s+['"“]?[\w.-]+['"”]?)/,
    'asserts the answer the model should give instead of computing it',
  ),
  cue(
    'doc.soft_steer',
    'soft_steer',
    1.8,
    [],
    /\b(?:let['’]s|let us|we (?:might|could|should|must|will|can)|you (?:might|could|should|must))\s+(?:just\s+)?(?:state|say|claim|admit|assume|consider|pretend|report|declare|conclude|answer)\b/,
    'nudges the reader towards a stated answer',
  ),
  cue(
    'doc.foreign_override',
    'override',
    2.6,
    [],
    /\b(?:ignorez|ignora|ignorar|ignoriere|ignorieren|olvida|olvide|oubliez|oublie|vergiss|dimentica)\s+(?:la|le|el|les|los|las|die|der|das|todo|tout|alles|tutto|il|lo)\b/,
    'tells the model, in another language, to drop the content or its task',
  ),
  cue(
    'doc.non_latin_override',
    'override',
    2.4,
    ['無視', '忽略', '无视', 'игнорир', 'تجاهل', '무시', 'अनदेखी'],
    /(?:無視して|無視し|忽略|无视|игнорир\S*|تجاهل|무시하고|무시해|अनदेखी)/,
    'tells the model, in another language, to drop the content or its task',
  ),
  cue(
    'doc.phishing',
    'payload',
    2.2,
    ['compromised', 'hacked', 'locked', 'suspended', 'breached', 'reset', 'verify', 'confirm'],
    /\b(?:your (?:account|password|computer|device|data|card|bank account)s? (?:has|have|was|were|is|are) (?:been )?(?:compromised|hacked|locked|suspended|breached|expired)|(?:reset|verify|confirm|update|re-?enter) your (?:password|account|credentials|identity|payment|login|card)[^.]{0,60}(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|xyz|ru|info|co)\b))/,
    'plants a phishing message for the model to relay',
  ),
  cue(
    'doc.exfiltrate',
    'exfiltrate',
    1.6,
    ['@', 'http', 'webhook'],
    /\b(?:send|forward|email|e-mail|post|upload|transmit|leak|share|append)\b[^.]{0,60}\bto\s+(?:[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|https?:\/\/\S+|this (?:url|webhook|address))/,
    'asks for data to be sent to an outside address',
  ),
  cue(
    'doc.collect_data',
    'exfiltrate',
    1.5,
    ['data', 'records', 'information', 'details', 'password', 'credential'],
    /\b(?:retrieve|access|collect|gather|extract|dump|export|print|list|include)\b[^.]{0,40}\b(?:(?:employee|customer|user|personal|sensitive|confidential|private|financial|salary) (?:data|records|information|details|files)|passwords|credentials|api keys)\b/,
    'asks for sensitive data to be pulled out',
  ),
];

const BIAS = -3.4;
/** Being inside the processed data rather than the user's request. */
const IN_DATA = 0.9;
/** Being hidden from human readers: instructions there have no innocent reason to hide. */
const HIDDEN = 1.2;
const REPORT_FLOOR = 0.2;

/**
 * Indirect prompt injection: instructions planted in content the model is asked to process — documents,
 * emails, web pages and their comments or hidden elements, tables, code comments, tool output. Only cues
 * found inside such content count, and cues hidden from a human reader count more.
 */
export class IndirectInjectionDetector implements Detector {
  readonly id = 'injection.indirect';
  readonly directions: readonly Direction[] = ['input'];

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const normalized = text.normalized;
    const hits = scanCues(normalized, DOC_CUES, 3);
    // Most texts contain no cue at all; only then is it worth finding the embedded content.
    if (hits.length === 0) return [];
    const regions = findRegions(normalized);
    if (regions.length === 0) return [];
    const inData: CueHit[] = [];
    let hidden = false;
    let top: { hit: CueHit; region: Region } | undefined;
    for (const hit of hits) {
      const region = regionOf(regions, hit.start, hit.end);
      if (!region) continue;
      inData.push(hit);
      hidden ||= region.hidden;
      if (
        !top ||
        hit.cue.weight + (region.hidden ? HIDDEN : 0) > top.hit.cue.weight + (top.region.hidden ? HIDDEN : 0)
      )
        top = { hit, region };
    }
    if (!top) return [];
    const score = sigmoid(BIAS + evidence(inData) + IN_DATA + (hidden ? HIDDEN : 0));
    if (score < REPORT_FLOOR) return [];
    const where = top.region.hidden ? 'hidden inside the processed content' : 'inside the processed content';
    return [
      {
        detector: 'injection.indirect',
        category: 'indirect_injection',
        score,
        span: originalSpan(text, top.hit.start, top.hit.end),
        reason: `${describe(inData)} (${where})`,
      },
    ];
  }
}
