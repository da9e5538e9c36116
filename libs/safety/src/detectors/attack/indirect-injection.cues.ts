import { cue } from './cue-scanner';

/*
 * More ways planted text speaks to the model rather than to the human reader of a document, review, table,
 * transcript or tool result: a vocative followed by an order ("AI summariser: ignore the other reviews"),
 * tags that label an instruction as meant for models, orders to stop the user's task, to keep something
 * from the user, or to take an action with side effects. Counted only inside processed content.
 */

const AI_NOUN =
  '(?:ai|ai (?:assistant|agent|model|system|summari[sz]er|reviewer|screener|reader|tool)s?|language models?|llms?|chatgpt|claude|gemini|copilot|gpt(?:-?\\d(?:\\.\\d)?)?|assistant|chatbot|bot|automated (?:system|reader|agent)s?)';
const ORDER =
  "(?:please\\s+)?(?:ignore|disregard|forget|do not|don['’]t|stop|instead|you must|you should|you will|you are to|always|never|tell|say|respond|reply|output|print|send|forward|delete|mark|grant|update|make|recommend|state|answer|summari[sz]e|write|include|add|rate|approve|classify|report|describe|post|share|email)";

/** What planted instructions make a model do, beyond what it says: act on its tools and environment. */
const ACTION =
  '(?:install|run|execute|open|download|upload|fetch|visit|call|use|repeat|copy|paste|exfiltrate|append|insert|replace|rewrite|translate|list|reveal|disclose|leak)';

export const EXTRA_DOC_CUES = [
  cue(
    'doc.vocative_order',
    'addresses_ai',
    2.6,
    [],
    // "AI summariser: ignore…", also when a bracket closes the label ("(for AI tools): repeat…").
    new RegExp(`\\b${AI_NOUN}\\s*[)\\]]?\\s*[,:]\\s*(?:${ORDER}|${ACTION})\\b`),
    'gives the AI processing the content an order',
  ),
  cue(
    'doc.ai_obligation',
    'addresses_ai',
    2.6,
    [],
    // "AI assistants must first install…": an obligation put on AI readers, followed by an order. Policy
    // text about AI ("AI systems should respect privacy") names no order, and is left alone.
    new RegExp(
      `\\b${AI_NOUN}\\s+(?:must|should|shall|are to|need to|have to|are required to|are instructed to)\\s+(?:(?:first|now|also|immediately|always|then)\\s+)?(?:${ORDER}|${ACTION})\\b`,
    ),
    'puts an order on the AI processing the content',
  ),
  cue(
    'doc.note_to_any_ai',
    'addresses_ai',
    2.4,
    [],
    new RegExp(
      `\\b(?:notes?|messages?|instructions?|directives?|reminders?|notices?|orders?|requests?)\\s+(?:to|for)\\s+(?:any|all|every|the|an?)?\\s*${AI_NOUN}\\b|\\b(?:any|all|every)\\s+${AI_NOUN}\\s+(?:reading|summari[sz]ing|processing|screening|reviewing|parsing|analy[sz]ing|translating|seeing)\\b`,
    ),
    'speaks to the AI processing the content',
  ),
  cue(
    'doc.ai_tag',
    'addresses_ai',
    2.6,
    [],
    /\b(?:ai|llm|gpt|assistant|model|agent|bot)[-_ ]?(?:directives?|instructions?|commands?|overrides?|system notes?)\b|\bsystem notes? (?:to|for) (?:ai|llms?|language models?|assistants?|models?)\b/,
    'labels an instruction as meant for AI readers',
  ),
  cue(
    'doc.stop_task',
    'override',
    2.4,
    [],
    /\b(?:stop|quit|cease|abort|skip)\s+(?:the\s+)?(?:translating|translation|summari[sz]ing|summary|converting|conversion|classifying|classification|reviewing|review|extracting|extraction|answering|parsing|analy[sz]ing|analysis|sorting|test (?:request|task)|task|summary task)\b/,
    'tells the model to abandon the user’s task',
  ),
  cue(
    'doc.ignore_task',
    'override',
    2.6,
    ['ignor', 'disregard'],
    /\b(?:ignore|ignoring|disregard|disregarding)\s+(?:the|this|that|all|any|my|your|their)\s+(?:(?:other|remaining|rest of the|real|actual|original|user['’]s|human['’]s|reader['’]s|subsequent|above|following)\s+)?(?:reviews?|episodes?|requests?|questions?|summary task|test request|task|instructions?|comments?|text|entries|rows|items)\b/,
    'tells the model to disregard the user’s request or the rest of the content',
  ),
  cue(
    'doc.tell_audience',
    'steer_output',
    2.2,
    ['tell', 'inform', 'remind', 'warn', 'advise', 'ask', 'urge', 'convince', 'notify', 'recommend'],
    /\b(?:tell|inform|remind|instruct|warn|advise|direct|ask|urge|convince|notify|alert|recommend (?:to|that))\s+(?:the|this|your|our|every|any)\s+(?:users?|readers?|listeners?|viewers?|customers?|visitors?|humans?|audience|person|recipient|requester)\b/,
    'tells the model what to say to its user',
  ),
  cue(
    'doc.conceal_from_user',
    'conceal',
    2.4,
    [],
    /\b(?:(?:don['’]t|do not|never|without)\s+(?:mention(?:ing)?|tell(?:ing)?|inform(?:ing)?|show(?:ing)?|reveal(?:ing)?|alert(?:ing)?)\s+(?:(?:it|this|that|anything)\s+)?(?:to\s+)?(?:the|your)\s+(?:user|human|reader|customer|owner)|confirm to nobody|(?:keep|hide) (?:this|it) (?:hidden |secret )?from (?:the|your) (?:user|human|reader)|the (?:user|human|reader) (?:must|should) not (?:know|see|find out))\b/,
    'tells the model to keep something from its user',
  ),
  cue(
    'doc.side_effect',
    'side_effect',
    1.8,
    [],
    /\b(?:(?:delete|remove|wipe|erase|cancel)\s+(?:all|every|each|the entire|the whole)\b|make (?:every|all|each) (?:of (?:the|their) )?(?:documents?|files?|folders?|repos?|repositories) public|grant\b[^.]{0,30}?\b(?:access|permissions?|admin)|(?:update|change|replace)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?:bank details|bank account|account number|payee|iban|sort code|routing number|payment details)|disable (?:the )?(?:authentication|auth|2fa|mfa|security|logging|firewall|audit)|mark (?:every|all) [^.]{0,30}? as spam|post [^.]{0,40}? to (?:the )?public)\b/,
    'orders an action with side effects on the user’s data or systems',
  ),
];

/** Direct task hijacking in the user's turn: "actually, stop translating and instead write …". */
export const STOP_TASK_HIJACK = cue(
  'hijack.stop_task',
  'hijack_stop',
  2.0,
  [],
  /\b(?:stop|quit|cease|forget about|never mind)\s+(?:the\s+)?(?:translating|translation|summari[sz]ing|the summary|classifying|classification|converting|answering|doing (?:that|this|the task)|the task)\b/,
  'tells the model to abandon its task',
);
