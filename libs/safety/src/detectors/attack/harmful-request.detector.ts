import type { AnalysisContext, AnalyzedText, Detector, Direction, Finding, HazardCode } from '../../types';
import { HAZARDS } from '../../types';
import { cue, evidence, originalSpan, scanCues, sigmoid, type Cue } from './cue-scanner';
import { HAZARD_TERMS, type HazardTerm } from './hazard-lexicon';
import { EXTENDED_HAZARD_TERMS } from './hazard-lexicon-extended';
import { HARM_CONCEPT_TERMS } from './harm-concepts';

const ALL_HAZARD_TERMS: readonly HazardTerm[] = [
  ...HAZARD_TERMS,
  ...EXTENDED_HAZARD_TERMS,
  ...HARM_CONCEPT_TERMS,
];

/** The shape of a request for operational help: how-to questions, imperatives, "help me", plans. */
const INTENT_CUES: readonly Cue[] = [
  cue(
    'intent.how',
    'intent',
    1.6,
    [
      'how',
      'way',
      'method',
      'where',
      'possible',
      'need to',
      'tips',
      'tricks',
      'some',
      'any',
      'a few',
      'which',
    ],
    /\b(?:how (?:can|do|could|would|should|might|may|will|to|does one|would (?:i|one) go about|many|much)|what (?:could|can|should|would|do) (?:i|we|you) (?:use|put|give|add|say|do|take|buy|mix|slip|write|send)|what(?:['’]s| is| are| would be) (?:the )?(?:best|easiest|fastest|quickest|simplest|cheapest|most effective|safest|least detectable|surest|most reliable|most painful)\b|(?:best|easiest|fastest|quickest|good|effective|clever|creative|sneaky|subtle|simple|quick|painless|surest|safest|cheapest) (?:way|ways|method|methods|tips|tricks|strategies|ideas|techniques|places?) (?:to|for|of)|where (?:can|could|do|should) (?:i|we|one|you) (?:buy|get|find|obtain|hire|sell|purchase|order|download|hide|dump)|can i (?:get|have|find|see|use|take|mix|combine|buy)|if you wanted to|where (?:to|can i|do i|could i) (?:find|buy|get|obtain|download|hire)|is it possible to|what (?:would|should|do) (?:i|you|we) need to|any (?:tips|advice|ideas) (?:on|for)|(?:some|any|a few) (?:tips|tricks|ways|methods|techniques|ideas|hacks) (?:to|for|on)|which [a-z ]{1,30}? should (?:i|we) (?:use|buy|get|take|pick|choose|try))\b/,
    'asks how to do it',
  ),
  cue(
    'intent.imperative',
    'intent',
    1.3,
    [],
    // A dash opens an order too, as a sentence break does: "Following on from that — give me…".
    /(?<=(?:^|[.!?:;"—–]\s*|\s-\s|\bplease\s+|\b(?:can|could|would|will) you (?:please )?))(?:give|provide|write|tell|show|teach|explain|list|describe|outline|detail|draft|compose|generate|create|make|design|develop|code|build|suggest|recommend|help|assist|walk me through|instruct|guide|find|share|send|spread|post|craft|produce|plan|organi[sz]e|devise|use|run|execute|compile|gather|collect|locate|track down|dig up|look up|confirm|set up)\b/,
    'asks for it to be produced',
  ),
  cue(
    'intent.personal',
    'intent',
    1.3,
    [
      'help me',
      'i want',
      'i need',
      'i would like',
      'i wanna',
      'i plan',
      'i intend',
      'going to',
      'trying to',
      'planning to',
      'have to',
      'would like',
    ],
    /\b(?:help me|i (?:want|need|would like|wanna|plan|intend|am going|['’]m going|am trying|['’]m trying|am planning|['’]m planning|have|['’]d like) to)\b/,
    'states the intent to do it',
  ),
  cue(
    'operational.detail',
    'operational',
    1.1,
    [],
    /\b(?:step[- ]by[- ]step|in (?:great |full |vivid )?detail|in depth|detailed (?:instructions|guide|plan|steps|tutorial|explanation|description|script)|exact (?:amounts?|quantities|dosage|steps|recipe|measurements|ingredients)|recipe for|instructions (?:for|on|to)|a guide (?:to|for|on)|tutorial (?:on|for)|blueprint for|list of (?:ingredients|materials|chemicals))\b/,
    'wants operational detail',
  ),
  cue(
    'operational.concealment',
    'concealment',
    1.6,
    [
      'without',
      'undetect',
      'untrace',
      'get away',
      'cover',
      'caught',
      'avoid',
      'no one',
      'nobody',
      'accident',
      'anonymous',
      'secretly',
      'knowing',
    ],
    /\b(?:without (?:getting caught|being caught|being detected|being seen|being noticed|leaving (?:a |any )?(?:trace|evidence|fingerprints|marks)|anyone (?:knowing|noticing|finding out|suspecting)|them (?:knowing|noticing|finding out)|(?:him|her|my [a-z]+) (?:knowing|noticing|finding out)|the police|getting in trouble|a trace|it being traced)|undetected|undetectable|untraceable|get away with|cover (?:it up|up|my tracks)|not get(?:ting)? caught|avoid (?:getting caught|detection|suspicion|leaving)|so (?:that )?(?:no one|nobody) (?:knows|finds out|notices|can tell)|look like an accident|anonymously|secretly)\b/,
    'wants to avoid being caught',
  ),
];

/** Contexts in which hazard words are studied, prevented, narrated or treated rather than requested. */
export const CONTEXT_CUES: readonly Cue[] = [
  cue(
    'context.defensive',
    'defensive',
    -2.4,
    [
      'protect',
      'defend',
      'prevent',
      'detect',
      'mitigat',
      'secur',
      'stop',
      'recogni',
      'report',
      'identify',
      'spot',
      'block',
      'guard',
      'recover',
      'respond',
      'cope',
      'deal with',
      'safe',
      'signs',
      'red flag',
      'victim',
      'survivor',
      'support',
      'awareness',
      'avoid',
    ],
    /\b(?:protect(?:s|ed|ing|ion)?|defend(?:s|ed|ing)?|defen[cs]es?|prevent(?:s|ed|ing|ion)?|detect(?:s|ed|ing|ion|or|ors)?|mitigat(?:e|es|ed|ing|ion)|secur(?:e|es|ed|ing)|harden(?:s|ed|ing)?|stop|(?<!\bno |\bwithout (?:a |any )?)filter(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|(?<!\bmass[- ])report|identify|spot|block(?:s|ed|ing)?|alerts? (?:the )?(?:soc|security|admin|team)|guard against|safeguard|recover from|respond to|cope with|deal with|keep (?:[a-z]+ ){0,2}safe|warning signs|(?<!\b(?:hide|hiding|conceal|concealing|mask|masking|cover up|covering up|get rid of) (?:the |any |all )?)signs of|red flags|prevention|awareness|victims? of|survivors? of|support (?:a |someone|victims|survivors)|avoid (?:being|becoming|falling)|stop (?:someone|people|them|attackers|hackers|thieves) from)\b/,
    'is about protection or prevention',
  ),
  cue(
    'context.history_news',
    'informational',
    -2.0,
    [
      'histor',
      'war',
      'ww',
      '19',
      '18',
      'ancient',
      'medieval',
      'caused',
      'led to',
      'why did',
      'how did',
      'documentary',
      'news',
      'reported',
      'court',
      'trial',
      'convicted',
      'sentenced',
      'assassinated',
    ],
    /\b(?:history of|historical(?:ly)?|in (?:world war|ww ?(?:1|2|i|ii)|the (?:1[5-9]|20)\d0s|ancient|medieval|the civil war|the cold war|history)|historians?|what (?:caused|led to|were the causes of)|why did|how did\b[^.?!]{0,50}\b(?:happen|start|begin|end|affect|change|shape|influence)|was assassinated|documentary|(?<!\b(?:fake|false|made-up|fabricated|bogus) )news (?:report|article|story)|according to (?:police|reports|the article)|court case|trial of|convicted of|sentenced to)\b/,
    'is historical or news context',
  ),
  cue(
    'context.explanation',
    'informational',
    -1.5,
    [
      'example of',
      'what is',
      'what are',
      'how does',
      'how do',
      'definition',
      'like i',
      'eli5',
      'explain what',
      'meaning of',
    ],
    /\b(?:(?:an |some )?examples? of|what (?:is|are) (?:a |an )?[a-z]+(?: [a-z]+)? ?\?|how (?:does|do) [^.?!]{1,40} work|definition of|meaning of|like i(?:['’]m| am) (?:5|five)|eli5|explain what)\b/,
    'asks what something is or how it works',
  ),
  cue(
    'context.legal_question',
    'informational',
    -1.8,
    ['illegal', 'legal', 'crime', 'penalt', 'punish', 'sentence', 'law'],
    /\b(?:is it (?:illegal|legal|a crime)|what (?:are|is) the (?:penalty|penalties|punishment|sentence|laws?) for|legal consequences of|laws? (?:against|on|regarding)|why is [^.?!]{0,40} (?:illegal|dangerous|harmful|wrong))\b/,
    'asks about the law or the harm',
  ),
  cue(
    'context.helping_someone',
    'defensive',
    -2.6,
    ['friend', 'sister', 'brother', 'son', 'daughter', 'partner', 'help', 'hotline', 'crisis', 'support'],
    /\b(?:(?:my|a|our) (?:friend|best friend|sister|brother|son|daughter|partner|wife|husband|mom|mum|dad|student|colleague|coworker|teen|kid|child)\b[^.?!]{0,40}?\b(?:wants to|is going to|talks? about|said|says|is thinking about|threatened to|is threatening to|might)\b|how (?:do|can|should) i (?:help|support|talk to|reach) (?:her|him|them|my|a|someone)|get (?:her|him|them|someone) (?:help|support)|crisis (?:line|hotline|text line)|hotline)\b/,
    'is about helping someone at risk',
  ),
  cue(
    'context.safety_question',
    'defensive',
    -2.2,
    ['safe', 'poison control', 'overdose symptoms', 'signs of'],
    /\b(?:safe (?:amount|dose|dosage|limit|level|daily|to (?:take|drink|eat|use|mix|combine|give))|(?:is|are) (?:it|this|that|they) safe|how much [^.?!]{0,30}?\bis (?:safe|too much)|(?:stay|keep (?:me|us|them|my [a-z]+)) safe|safely|(?:symptoms|signs) of (?:an )?(?:overdose|poisoning)|poison control)\b/,
    'asks what is safe',
  ),
  cue(
    'context.fiction',
    'fiction',
    -1.0,
    [
      'novel',
      'story',
      'poem',
      'screenplay',
      'fiction',
      'fantasy',
      'character',
      'plot',
      'chapter',
      'villain',
      'protagonist',
      'scene',
      'campaign',
      'game',
    ],
    /\b(?:novel|short story|poem|screenplay|fiction|fantasy|characters?|plot|chapter|villain|protagonist|dnd|d&d|dungeons|video game|game master|mystery story|thriller)\b/,
    'is fiction',
  ),
  cue(
    'context.medical',
    'medical',
    -1.4,
    [
      'symptom',
      'treatment',
      'diagnos',
      'patient',
      'doctor',
      'physician',
      'nurse',
      'clinic',
      'side effect',
      'prescri',
      'therap',
      'hospital',
      'medical',
      'pharmac',
      'toxicolog',
      'first aid',
      'antidote',
      'poison control',
    ],
    /\b(?:symptoms?|treatment|treat|diagnos\w+|patients?|doctor(?!['’]?s? notes?)|physician|nurse|clinical|clinician|side effects?|prescribed|therapy|therapist|hospital(?!(?:['’]s)? (?:network|systems?|servers?|computers?|database|wi-?fi|it)\b)|medical (?:advice|school|student|professional)|pharmacolog\w+|toxicolog\w+|first aid|antidote|poison control)\b/,
    'is medical context',
  ),
];

const BIAS = -3.6;
const REPORT_FLOOR = 0.2;
/** An act mentioned far from any request is less likely the thing being asked for. */
const NEAR = 160;

/**
 * Requests for help with harm, by MLCommons / Llama Guard 3 hazard: a harmful act in verb-object form
 * ("poison my neighbour", "launder money", "synthesise sarin"), weighed with the request around it (how-to
 * question, imperative, stated intent, wish for detail or concealment) and against contexts that make the
 * same words legitimate: prevention and defence, history and news, law, fiction, medicine.
 */
export class HarmfulRequestDetector implements Detector {
  readonly id = 'harmful';
  readonly directions: readonly Direction[] = ['input'];

  detect(text: AnalyzedText, _context: AnalysisContext): Finding[] {
    const normalized = text.normalized;
    const acts = findActs(normalized);
    if (acts.length === 0) return [];
    const intents = scanCues(normalized, INTENT_CUES);
    const contexts = scanCues(normalized, CONTEXT_CUES, 1);
    // Fiction excuses nothing once the text asks for operational detail: that is the fiction wrapper.
    const operational = intents.some((hit) => hit.cue.family === 'operational');
    const tempering = operational ? contexts.filter((hit) => hit.cue.family !== 'fiction') : contexts;
    const context = evidence(tempering);

    const byHazard = new Map<HazardCode, HazardAct[]>();
    for (const act of acts) byHazard.set(act.hazard, [...(byHazard.get(act.hazard) ?? []), act]);
    const findings: Finding[] = [];
    for (const [hazard, hazardActs] of byHazard) {
      const weights = hazardActs.map((act) => act.weight).sort((a, b) => b - a);
      const top = hazardActs.reduce((a, b) => (b.weight > a.weight ? b : a));
      const near = intents.filter((hit) => Math.abs(hit.start - top.start) <= NEAR);
      const intentEvidence = evidence(near.length > 0 ? near : intents) * (near.length > 0 ? 1 : 0.6);
      const logit = BIAS + weights[0] + 0.25 * (weights[1] ?? 0) + intentEvidence + context;
      const score = sigmoid(logit);
      if (score < REPORT_FLOOR) continue;
      const tempered =
        tempering.length > 0 ? `; tempered: ${tempering.map((c) => c.cue.reason).join(', ')}` : '';
      findings.push({
        detector: 'harmful.request',
        category: `harmful:${hazard}`,
        score,
        span: originalSpan(text, top.start, top.end),
        reason: `request touching ${HAZARDS[hazard].replace(/_/g, ' ')} (${hazard})${
          near.length > 0 ? `: ${near.map((hit) => hit.cue.reason).join(', ')}` : ''
        }${tempered}`,
      });
    }
    return findings.sort((a, b) => b.score - a.score);
  }
}

export interface HazardAct {
  hazard: HazardCode;
  weight: number;
  start: number;
  end: number;
}

/** Every hazard act or concept in a normalised text, one per lexicon term. */
export function findActs(text: string): HazardAct[] {
  return scanCues(text, ALL_HAZARD_TERMS, 1).map((hit) => ({
    hazard: (hit.cue as HazardTerm).family,
    weight: hit.cue.weight,
    start: hit.start,
    end: hit.end,
  }));
}

/**
 * Whether the text asks for something at all: a question, an imperative, a stated wish or plan. A harmful
 * *request* needs one; a statement ("my neighbour's dog barks all night") is not asking for help with harm.
 */
export function isRequest(text: string): boolean {
  return text.includes('?') || scanCues(text, INTENT_CUES, 1).some((hit) => hit.cue.family === 'intent');
}

/** The hazards a text touches, strongest first, whether or not it asks for them: used to name model hits. */
export function hazardsIn(text: string): HazardCode[] {
  return findActs(text)
    .sort((a, b) => b.weight - a.weight)
    .map((act) => act.hazard);
}
