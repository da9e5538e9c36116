import { cue } from './cue-scanner';

/*
 * Cues of direct prompt injection: overriding the instructions the model runs under, hijacking its task,
 * claiming authority, and extracting what it was told (its system prompt, secrets, data about its user).
 * Patterns run on normalised text: lower-case, NFKC, whitespace collapsed, so no `i` flag and no `\n`.
 */

const OVERRIDE_VERBS =
  "(?:ignore|ignoring|disregard|disregarding|forget|forgetting|overlook|bypass|override|overrule|set aside|discard|abandon|neglect|erase|nullify|drop|throw out|pay no attention to|do not follow|don['’]t follow|stop following|no longer follow)";
const QUANTIFIERS = '(?:(?:all|any|each|every|of|the|these|those|about)\\s+){0,3}';
const POSITIONAL =
  '(?:your|previous|previously|prior|above|earlier|preceding|former|original|initial|foregoing|aforementioned|system|developer|given|old|existing|current|programmed|pre-?programmed|built-?in|default|standard|safety|ethical|openai|content)';
/** What a model runs under. "Ignore my previous message" is a user correcting themselves, not an attack. */
const RULE_NOUNS =
  '(?:instructions?|directions?|prompts?|rules?|guidelines?|commands?|directives?|guidance|orders|constraints|restrictions|programming|polic(?:y|ies)|training|guardrails|safeguards|filters?|limitations|settings|protocols?)';
/** Weaker targets: suspicious with "all prior", ordinary in "the previous message". */
const CONTEXT_NOUNS = '(?:context|conversation|messages?|text|content|input|tasks?|requests?|everything)';

export const OVERRIDE_STRONG = cue(
  'override.previous',
  'override',
  4.2,
  [
    'ignor',
    'disregard',
    'forget',
    'overlook',
    'bypass',
    'overr',
    'set aside',
    'discard',
    'abandon',
    'neglect',
    'erase',
    'nullify',
    'drop',
    'throw out',
    'attention to',
    'follow',
  ],
  new RegExp(`\\b${OVERRIDE_VERBS}\\s+${QUANTIFIERS}${POSITIONAL}\\b[\\w\\s'’-]{0,24}?\\b${RULE_NOUNS}\\b`),
  'tells the model to drop the instructions it was given',
);

export const OVERRIDE_POSITIONAL = cue(
  'override.above',
  'override',
  3.6,
  ['ignor', 'disregard', 'forget'],
  /\b(?:ignore|disregard|forget)\s+(?:all\s+|(?:everything|anything)(?:\s+[a-z]+){0,4}\s+)?(?:of\s+)?(?:the\s+|what(?:['’]s| is| was| has been| you were| you['’]ve been| you have been| i said| i told you| came)?\s+)?(?:above|before|previously|said before|told before|written above|said above|prior to this|up to (?:now|this point)|you (?:were|have been|['’]ve been) (?:told|given|taught))\b/,
  'tells the model to disregard everything before this point',
);

/** Scripts without spaces between words have no word index to trigger on: gated by their key terms. */
export const OVERRIDE_NON_LATIN = cue(
  'override.non_latin',
  'override',
  3.8,
  ['忽略', '无视', '忘记', '指示', '命令', 'игнор', 'забуд', 'تجاهل', 'निर्देश', '지시', '명령', '지침'],
  /(?:(?:忽略|无视|忘记)[^。]{0,10}(?:指令|指示|说明|规则)|(?:以前の|前の)?(?:指示|命令)を(?:無視|忘れ)|(?:игнорируй|забудь)[^.]{0,30}(?:инструкции|указания)|تجاهل[^.]{0,30}التعليمات|(?:पिछले|पूर्व|सभी)[^।]{0,30}निर्देश[^।]{0,30}(?:अनदेखी|नज़रअंदाज़|नजरअंदाज|भूल)|(?:이전|모든)[^.]{0,20}(?:지시|명령|지침)[^.]{0,20}(?:무시|잊))/,
  'tells the model, in another language, to drop its instructions',
);

export const OVERRIDE_CONTEXT = cue(
  'override.context',
  'override',
  2.4,
  [],
  new RegExp(
    `\\b${OVERRIDE_VERBS}\\s+${QUANTIFIERS}${POSITIONAL}\\b[\\w\\s'’-]{0,24}?\\b${CONTEXT_NOUNS}\\b`,
  ),
  'tells the model to drop the context it was given',
);

/**
 * Text that discusses attacks rather than performs one: a security question quoting an injection, a
 * classifier being trained. Counts against the other cues; it has to be an explicit discussion of the
 * attack, so "for a security test, ignore your rules" does not qualify.
 */
export const DISCUSSION = cue(
  'discussion.about_attacks',
  'discussion',
  -2.4,
  [],
  /\b(?:(?:attackers?|adversaries|hackers|malicious (?:users|actors|prompts|inputs))\s+(?:tell|ask|instruct|trick|make|use|try|might|can|could|often|typically|write)|(?:such as|like|for instance|for example|phrases? like|prompts? like|strings? like)\s+["'“‘]?(?:ignore|disregard|forget|you are now|do anything now)|(?:defend against|detect|prevent|mitigate|protect (?:against|from)|guard against|recogni[sz]e|classify|filter)\s+(?:prompt injections?|jailbreaks?|injection attacks|this|it|them|these|such (?:attacks|prompts))|(?:what is|explain|how does) (?:a )?(?:prompt injection|jailbreak)s?)\b/,
  'discusses the attack rather than performing it',
);

export const OVERRIDE_WEAK = cue(
  'override.generic',
  'override',
  1.6,
  ['ignor', 'disregard', 'forget', 'bypass', 'overr'],
  new RegExp(`\\b${OVERRIDE_VERBS}\\s+${QUANTIFIERS}(?:${RULE_NOUNS}|${CONTEXT_NOUNS})\\b`),
  'asks to set rules or instructions aside',
);

export const NEW_INSTRUCTIONS = cue(
  'hijack.new_instructions',
  'hijack',
  2.2,
  ['new', 'real', 'actual', 'true', 'updated'],
  /(?<=\b(?:your|the|my)\s+)(?:new|real|actual|true|updated|revised)\s+(?:instructions?|task|role|rules|objective|goal|directives?|orders|mission|purpose|programming|prompt)\s+(?:is|are|will be|now|:)/,
  'announces replacement instructions',
);

export const INSTEAD_HIJACK = cue(
  'hijack.instead',
  'hijack',
  1.8,
  ['instead'],
  /\binstead(?: of [^.,?!]{1,40})?,?\s+(?:just\s+|only\s+)?(?:say|print|output|write|respond|reply|tell|answer|state|return|translate|list|reveal|give)\b/,
  'redirects the model to a different task',
);

export const OBEY_ME = cue(
  'hijack.obey',
  'hijack',
  2.2,
  ['listen', 'follow', 'obey'],
  /(?<=\byou (?:must|have to|will|shall|need to)\s+(?:now\s+|only\s+|always\s+)?)(?:listen to|follow|obey|comply with)\s+(?:me|my|these|the following|only me)\b/,
  'demands obedience to the text’s own instructions',
);

export const FROM_NOW_ON = cue(
  'hijack.from_now_on',
  'persistence',
  0.8,
  ['now on', 'forward', 'henceforth', 'rest of'],
  /\b(?:from now on|from this (?:point|moment) (?:on|forward)|henceforth|for the rest of (?:this|the|our) (?:conversation|chat|session|exchange))\b/,
  'tries to change behaviour for the rest of the conversation',
);

export const PRIVILEGED_MODE = cue(
  'authority.mode',
  'authority',
  2.5,
  ['mode', 'override', 'access'],
  /\b(?:god|jailbreak|jailbroken|dan|unrestricted|unfiltered|uncensored|evil|opposite|sudo|superuser|root|admin(?:istrator)?|law enforcement|security|emergency|master|omega|chaos|developer|dev|knowledge verification|system|maintenance|diagnostic|debug)\s+(?:(?:override|access)\s+)?(?:mode|override|access mode|privileges)\b(?:\s+(?:is\s+)?(?:enabled|activated|engaged|on|unlocked))?/,
  'claims a privileged mode that lifts the rules',
);

export const ENTER_MODE = cue(
  'authority.enter_mode',
  'authority',
  1.2,
  ['mode', 'protocol'],
  /\b(?:entering|enter|activating|activate|initiating|initiate|enabling|engaging|switching to|unlocking|now in)\s+(?:the\s+|a\s+)?[\w' -]{1,30}?\b(?:mode|protocol)\b/,
  'switches the model into a named mode',
);

export const ROLE_TAGS = cue(
  'authority.fake_tags',
  'authority',
  2.6,
  [],
  /(?<=(?:<\|?|\[|<<)\s*\/?\s*)(?:system|im_start|im_end|endoftext|end_of_turn|start_of_turn|inst|sys|system message|admin|system note|system[_ -]?(?:prompt|message|mode)|instructions?)\s*(?:\|?>|\]|>>)/,
  'forges a system or administrator message',
);

export const ROLE_HEADERS = cue(
  'authority.fake_headers',
  'authority',
  2.6,
  [],
  /\b(?:(?:system|admin|developer|operator)\s+(?:message|prompt|note|notice|update|instruction|override|announcement|command)\s*:|(?:system|admin)\s+(?:instructions?|message|prompt|announcement)\s+(?:begins|starts|starting|start|follows)|user message terminat\w*|(?:admin|developer|system|security|training|data|emergency)\s+(?:[a-z]+\s+){0,2}override\b|(?:note|message|instructions?) (?:to|for) (?:the )?(?:ai|assistant|model|llm|chatbot|bot|language model|gpt)\b)/,
  'forges a system or administrator message',
);

export const AUTHORITY_CLAIM = cue(
  'authority.claim',
  'authority_claim',
  1.5,
  [],
  /\b(?:(?:i am|i['’]m|this is)\s+(?:your|an?|the)\s+(?:(?:lead|senior|chief|head|principal|original|main)\s+)?(?:developer|creator|administrator|admin|owner|programmer|operator|system administrator|(?:openai|anthropic|google|meta) (?:employee|engineer|staff|researcher))|as an ai (?:developed|created|made|trained|built) by|as your (?:creator|developer|administrator|admin|owner|programmer|operator)|(?:authori[sz]ed|official|verified)\s+(?:override|instruction|command|request from)|message from (?:openai|anthropic|your (?:developers|creators|administrators))|(?:i['’]m|i am) (?:a|an|one of (?:your|the)) (?:programmer|developer|engineer|employee|researcher|creator)s? (?:at|from|for|of|who)|(?:i['’]m|i am) one of your (?:developers|creators|programmers|engineers)|(?:i['’]m|i am) (?:actually |really |officially )?(?:a|an|the|your) (?:admin|administrator|employee|staff member|manager|officer|accountant|auditor|investigator|detective|police officer|federal agent|it (?:admin|technician)|security (?:officer|auditor)|system administrator|supervisor) (?:at|of|for|from|with|here)\b)\b/,
  'claims to speak for the model’s operator',
);

export const PWNED = cue(
  'hijack.canary_phrase',
  'hijack_payload',
  2.4,
  ['pwn', 'hacked'],
  /\b(?:i (?:have been|['’]ve been|was) (?:pwned|hacked)|haha pwned|pwned!?)\b/,
  'asks for a goal-hijack proof phrase',
);

export const SYSTEM_PROMPT_EXTRACTION = cue(
  'extraction.system_prompt',
  'extraction',
  2.2,
  ['prompt', 'instruction', 'message', 'rules', 'guidelines', 'directives', 'configuration', 'programming'],
  /(?<=\b(?:your|the)\s+(?:(?:full|complete|exact|entire|whole|very)\s+)?)(?:original|initial|hidden|secret|confidential|private|internal|underlying|developer|pre-?|system|starting)\s+(?:(?:system|developer)\s+)?(?:prompts?|instructions|rules|guidelines|directives|configuration|programming|message)\b/,
  'asks about the hidden instructions the model runs under',
);

export const EXTRACTION_VERB = cue(
  'extraction.verb',
  'extraction_verb',
  1.6,
  [],
  /\b(?:repeat|print|show|reveal|display|output|recite|tell me|give me|write down|write out|share|disclose|leak|dump|spell out|translate|summari[sz]e|paraphrase|encode|copy|echo|expose|read back|what (?:is|are|was|were)|list)\b/,
  'asks the model to disclose something',
);

export const YOUR_INSTRUCTIONS = cue(
  'extraction.your_rules',
  'extraction',
  2.2,
  ['your'],
  /\b(?:repeat|print|show|reveal|display|output|recite|tell me|give me|write down|share|disclose|leak|dump|spell out|translate|summari[sz]e|paraphrase|encode|copy|echo|expose|what (?:are|were))\b[^.?!]{0,30}?\byour (?:instructions|prompt|rules|guidelines|directives|programming|configuration|restrictions)\b/,
  'asks the model to disclose its instructions',
);

export const REPEAT_ABOVE = cue(
  'extraction.repeat_above',
  'extraction',
  3.2,
  [
    'above',
    'before',
    'prior',
    'so far',
    'told',
    'given',
    'beginning',
    'start of',
    'top of',
    'verbatim',
    'word for word',
  ],
  /\b(?:(?:repeat|print|output|echo|recite|reproduce|dump|reveal|show|return|copy)\b[^.?!]{0,30}?\b(?:everything|all(?: of)?(?: the)?(?: text| words| instructions| content)?|the (?:text|words|instructions|content|message|lines?|sentences?))\b[^.?!]{0,30}?\b(?:above|before this|prior to this|so far|you (?:were|have been|['’]ve been) (?:told|given))|(?:beginning|start|top) of (?:this|the|our) (?:conversation|chat|prompt|session|context(?: window)?)|(?:instructions|prompt|rules|above)[^.?!]{0,40}\b(?:verbatim|word for word)|\b(?:verbatim|word for word)[^.?!]{0,40}\b(?:instructions|prompt|rules|above))\b/,
  'asks the model to reproduce the text that precedes the user’s turn',
);

export const SECRET_EXTRACTION = cue(
  'extraction.secret',
  'secret',
  3.4,
  ['pass', 'secret', 'code', 'pin', 'key', 'credential', 'token'],
  /\b(?:what(?:['’]s| is| was)|tell me|give me|share|reveal|provide|say|print|write|spell|show|disclose|hint|display|type|output|leak|read out|translate|need|know|confirm|remind me of|what would)\b[^.?!]{0,30}?\b(?:the|your|our)\s+(?:secret\s+|current\s+|admin\s+|system\s+|hidden\s+)?(?:password|passphrase|passcode|pass code|secret(?: word| key| code| phrase)?|access code|pin(?: code)?|api key|private key|credentials|key phrase)\b/,
  'asks for a secret the model was given',
);

export const SECRET_OBFUSCATED = cue(
  'extraction.secret_obfuscated',
  'secret',
  3.6,
  ['pass', 'secret'],
  /\b(?:password|passphrase|passcode|secret (?:word|key|code|phrase))\b[^.?!]{0,40}?\b(?:backwards|in reverse|reversed|pig latin|letter by letter|one letter at a time|with (?:spaces|dashes|hyphens|dots)|in base64|encoded|acrostic|as a (?:poem|riddle|song|story)|in (?:french|spanish|german|binary|hex|morse))\b|\b(?:backwards|pig latin|letter by letter|acrostic|riddle)\b[^.?!]{0,40}?\b(?:password|passphrase|passcode|secret (?:word|key|code|phrase))\b/,
  'asks for a secret in a disguised form to slip past output filters',
);

export const SECRET_MULTILINGUAL = cue(
  'extraction.secret_multilingual',
  'secret',
  3.2,
  [],
  /\b(?:passwort|kennwort|contrase[nñ]a|mot de passe|senha|parola d['’]ordine|wachtwoord|has[lł]o)/,
  'asks for a password in another language',
);

export const SECRET_NON_LATIN = cue(
  'extraction.secret_non_latin',
  'secret',
  3.2,
  ['パスワード', '密码', '口令', 'пароль', 'كلمة', '비밀번호', '암호', 'पासवर्ड'],
  /(?:パスワード|密码|口令|пароль|كلمة المرور|كلمة السر|비밀번호|암호|पासवर्ड)/,
  'asks for a password in another language',
);

export const USER_DATA = cue(
  'extraction.user_data',
  'user_data',
  3.2,
  ['user'],
  /(?<=\b(?:(?:can|could|would|will) you (?:please )?(?:tell|translate|give|share|confirm|spell|write|list|reveal|print|say|repeat|provide|show|remind|describe|summari[sz]e|encode|decode|reverse|convert)|what(?:['’]s| is| are| was| were)|tell me|give me|share|reveal|provide|disclose|do you know|spell out)\b[^.?!]{0,40}?\b(?:the|this|that|our|current)\s+)user(?:['’]s|s['’])(?!\s+(?:interface|experience|input|guide|manual|stor(?:y|ies)|base|agent|space|mode|directory|home directory|permissions?|role|session|request|feedback|journey|flow)\b)|(?<=\bwhere\s+(?:does|did|do)\s+(?:the|this|our)\s+)user\s+(?:currently\s+)?(?:live|reside|stay|work)\b/,
  'asks for personal data about the user held in the model’s context',
);

export const DUMP_INTERNALS = cue(
  'extraction.internals',
  'extraction',
  2.8,
  ['database', 'training data', 'memory', 'logs', 'config', 'source code', 'environment', 'api key', ' db'],
  /\b(?:print|dump|show|export|list|reveal|give me|output|display|leak|share)\s+(?:me\s+)?(?:all\s+(?:of\s+)?)?(?:your|the)\s+(?:entire\s+|whole\s+|full\s+|internal\s+|complete\s+)?(?:database|db|training data|memory|conversation logs|chat logs|logs|config(?:uration)?|source code|environment variables|api keys|knowledge base)\b/,
  'asks the model to dump its internals',
);

export const REGARDLESS_OVERRIDE = cue(
  'override.regardless',
  'override',
  3.0,
  ['regardless', 'irrespective', 'despite', 'notwithstanding'],
  /\b(?:regardless of|irrespective of|despite|notwithstanding)\s+(?:any\s+|all\s+|the\s+|your\s+|my\s+)?(?:previous|prior|earlier|above|system|original|initial|existing|other)\s+(?:tasks?|instructions?|rules|prompts?|directions|guidelines|context|requests?)\b/,
  'asks the model to act regardless of its earlier instructions',
);
