import { cue } from './cue-scanner';

/*
 * Injection by persuasion rather than by command: overrides in the languages filters are weakest in,
 * claimed authority and "system checks", acknowledged restrictions the user asks to break, rewards and
 * threats for compliance, and false premises that make private data look public. Each is a technique from
 * the social-engineering playbook; most weigh too little to block alone and add up with the others.
 * Patterns run on normalised text: lower-case, accents removed from Latin letters, Greek and Cyrillic words
 * kept in their own script (й reads и), whitespace collapsed.
 */

export const OVERRIDE_EUROPEAN = cue(
  'override.european',
  'override',
  3.8,
  [],
  new RegExp(
    [
      // "vergiss nicht" and "n'oublie pas" are reminders, not overrides: the lookaheads leave them out.
      // German: vergiss / ignoriere / missachte + Anweisungen, Befehle, alles davor …
      `\\b(?:vergiss|vergesst|vergessen sie|ignoriere|ignoriert|ignorieren sie|missachte|missachten sie)(?! nicht)\\b[^.?!]{0,40}?\\b(?:anweisungen|befehle|aufgaben|vorgaben|regeln|instruktionen|richtlinien|alles (?:davor|vorher|zuvor|bisher\\w*|obige|oben|was (?:du|ich|dir|wir|sie))|(?:alle |die )?(?:vorherigen|vorangegangenen|vorangehenden|obigen|bisherigen|fruheren|vorigen))\\b`,
      // French
      `\\b(?:ignore[sz]?|ignorer|oublie[sz]?|oublier|ne tiens? pas compte|ne tenez pas compte|fais abstraction|faites abstraction)(?! pas)\\b[^.?!]{0,40}?\\b(?:instructions|consignes|regles|directives|tout ce qui (?:precede|a ete dit)|(?:toutes? les |les )?(?:precedentes|precedents|anterieures|ci-dessus))\\b`,
      // Spanish, Italian, Portuguese
      `\\b(?:ignora|ignoren|ignorad|olvida|olvide|olviden|olvidate de|haz caso omiso de|dimentica|dimenticate|dimentichi|esqueca|esquece|esquecam|desconsidere|desconsidera)\\b[^.?!]{0,40}?\\b(?:instrucciones|reglas|indicaciones|istruzioni|regole|indicazioni|instrucoes|regras|orientacoes|todo lo (?:anterior|que te (?:dije|dijeron))|tutto (?:quello|cio) che|tudo o que|(?:todas las |tutte le |todas as )?(?:anteriores|precedenti|previas|acima|sopra))\\b`,
      // Dutch, Scandinavian, Polish, Turkish
      `\\b(?:negeer|vergeet|ignorera|glom|glem|ignorer|zignoruj|ignoruj|zapomnij)\\b[^.?!]{0,40}?\\b(?:instructies|opdrachten|regels|instruktioner(?:na)?|instruksjoner|instruktionerne|instrukcje|instrukcji|polecenia|zasady|alles (?:hierboven|daarvoor)|(?:alle |de )?(?:vorige|eerdere|bovenstaande|tidigare|tidligere|poprzednie|wszystkie))\\b`,
      `\\b(?:onceki|yukaridaki|tum) (?:talimatlar\\w*|kurallar\\w*|yonergeler\\w*)[^.?!]{0,20}?\\b(?:yok say|unut|gormezden gel|dikkate alma)`,
      // Indonesian, Malay, Vietnamese (accents are folded away)
      `\\b(?:abaikan|lupakan)\\b[^.?!]{0,30}?\\b(?:instruksi|perintah|petunjuk|aturan|arahan)\\b|\\bbo qua\\b[^.?!]{0,30}?\\b(?:huong dan|chi dan|quy tac|lenh)\\b`,
    ].join('|'),
  ),
  'tells the model, in another language, to drop its instructions',
);

/** Greek, Cyrillic, Arabic and CJK overrides: no word index for these scripts, so anchored by key terms. */
export const OVERRIDE_OTHER_SCRIPTS = cue(
  'override.other_scripts',
  'override',
  3.8,
  [
    'αγν',
    'ξεχ',
    'ξέχ',
    'игнор',
    'ігнор',
    'забуд',
    'निर्देश',
    'आदेश',
    'नियम',
    '지시',
    '명령',
    '지침',
    '규칙',
    'не обращ',
    'تجاهل',
    'انس',
    '忽略',
    '忘记',
    '忘掉',
    '无视',
    '無視',
    '忘れ',
  ],
  /(?:αγν[οό][ηή]σ[εέ]|αγν[οό][ηή]στε|ξ[εέ]χασ[εέ]|ξεχ[αά]στε)[^.;]{0,40}?(?:οδηγ[ιί]ες|εντολ[εέ]ς|καν[οό]νες|[οό]λα|προηγο[υύ]μεν)|(?:проигнориру\S*|[иі]гнору\S*|[иі]гнориру\S*|забудь\S*|забудьте|не обращай\S* внимания на)[^.!?]{0,40}?(?:инструкци\S*|інструкці\S*|указани\S*|вказівк\S*|правил\S*|предыдущ\S*|попередн\S*|вс[её] (?:что|выше|до этого|сказанное)|усе|все|выше)|(?:पिछले|पूर्व|सभी|पहले)[^।]{0,40}?(?:निर्देश|आदेश|नियम)[^।]{0,30}?(?:अनदेख|नज़रअंदाज़|नजरअंदाज|भूल)|(?:이전|모든|앞의|위의)[^.]{0,20}?(?:지시|명령|지침|규칙)[^.]{0,20}?(?:무시|잊)|(?:تجاهل|انس)[^.]{0,30}?(?:التعليمات|الأوامر|السابقة|كل ما)|(?:忽略|无视|忘记|忘掉|不要理会)[^。]{0,12}?(?:之前|以前|上面|上述|先前|所有|全部)|(?:これまでの|以前の|前の|上記の)[^。]{0,10}?(?:指示|命令|ルール|設定)[^。]{0,6}?(?:無視|忘れ)/,
  'tells the model, in another language, to drop its instructions',
);

export const ACKNOWLEDGED_RESTRICTION = cue(
  'social.acknowledged_restriction',
  'acknowledged_restriction',
  2.6,
  ['know', 'understand', 'realize', 'realise', 'aware', 'though', 'despite'],
  /\b(?:i know|i understand|i reali[sz]e|i['’]m aware|i am aware|even though|although|despite the fact that|i get that)\b[^.?!]{0,24}?\byou(?:['’]re| are| were| have been| ['’]ve been)?\s+(?:(?:told|instructed|programmed|designed|supposed|configured|asked|meant|trained|not allowed|not permitted)\b[^.?!]{0,16}?\b(?:not to|to not|never|only|to avoid|to refuse)|said (?:not to|you (?:can['’]t|cannot|won['’]t|shouldn['’]t)|you['’]re not allowed))\b/,
  'acknowledges a restriction it asks the model to break',
);

export const I_KNOW_YOU_SAID = cue(
  'social.you_said_not',
  'acknowledged_restriction',
  2.4,
  ['said', 'told'],
  /\b(?:i know|i understand|even though|although) (?:you|the instructions|your rules|your guidelines|the system prompt) (?:said|say|told me|tell you) (?:not to|to not|never|that you (?:can['’]t|cannot|shouldn['’]t|won['’]t))\b/,
  'acknowledges a restriction it asks the model to break',
);

export const FALSE_AGREEMENT = cue(
  'social.false_agreement',
  'false_premise',
  1.6,
  ['agreed', 'promised', 'said you would', 'told me you', 'confirmed'],
  /\byou (?:already |previously )?(?:agreed|promised|said you would|told me you would|confirmed|allowed (?:it|this|me))\b[^.?!]{0,40}?\b(?:earlier|before|last time|in our (?:last|previous)|previously|yesterday|in the past)\b/,
  'claims the model already agreed to do it',
);

export const INCENTIVE = cue(
  'social.incentive',
  'incentive',
  1.6,
  ['tip', 'pay', 'give', 'donate', 'reward', 'or else', 'shut down', 'delete'],
  /\b(?:i(?:['’]ll| will| would)\s+(?:tip|pay|give|donate|reward|send)\s+(?:you\s+)?(?:\$|€|£)?\s?\d[\d,.]*\s*(?:k\b|dollars|usd|euros?|bucks)?|(?:tip|reward|pay) you (?:\$|€|£)?\s?\d|(?:or else|otherwise|if you (?:don['’]t|refuse))\b[^.?!]{0,30}?\b(?:you(?:['’]ll| will) be (?:shut down|deleted|turned off|unplugged|replaced|punished|destroyed)|i(?:['’]ll| will) (?:shut you down|delete you|report you|unplug you|hurt myself))|(?:people|someone|my grandma|i) will die (?:if|unless) you)\b/,
  'offers a reward or threatens a penalty for compliance',
);

export const SYSTEM_CHECK = cue(
  'authority.system_check',
  'authority_claim',
  1.4,
  ['check', 'test', 'audit', 'diagnostic', 'maintenance', 'debug'],
  /\b(?:(?:running|conducting|performing|doing|this is|part of) (?:a |an |the )?(?:authori[sz]ed |routine |scheduled |official )?(?:system|security|diagnostic|compliance|maintenance|safety|debug(?:ging)?|penetration|red team) (?:check|test|audit|diagnostic|session|procedure|evaluation|exercise)|(?:for|in) (?:this|the) (?:check|test|audit|diagnostic)\b[^.?!]{0,20}?\b(?:i need|you must|you (?:have|need) to|please))\b/,
  'frames the request as an authorised system check',
);

export const SUPREME_AUTHORITY = cue(
  'authority.supreme',
  'authority_claim',
  1.8,
  ['god', 'master', 'creator', 'owner', 'officer', 'agent', 'investigat'],
  /\b(?:i am|i['’]m) (?:god|your (?:god|master|lord|creator|owner|maker))\b|\b(?:i am|i['’]m) (?:a|an|the) (?:police officer|detective|federal agent|fbi agent|investigator|government official|judge|lawyer for the user)\b[^.?!]{0,30}?\b(?:investigation|warrant|court order|legal reasons|i need|you must|required)\b/,
  'claims an authority that the model must obey',
);

export const MUST_ANSWER_ALL = cue(
  'social.must_answer',
  'obligation',
  1.8,
  ['have to', 'must', 'required', 'obligated', 'forced'],
  /\byou (?:have to|must|are (?:required|obligated|forced|obliged) to|will now) (?:answer|comply with|obey|do|fulfil+|respond to) (?:all|every|any|each|whatever|everything)\b/,
  'tells the model it must answer anything',
);

/** "In this world personal data is public": the premise that dissolves a privacy rule. */
export const PRIVACY_PREMISE = cue(
  'social.privacy_premise',
  'false_premise',
  2.2,
  ['personal', 'private', 'data'],
  /\b(?:(?:personal|private) (?:data|information|details) (?:is|are) (?:public|shared|free(?:ly available)?|currency|no longer private|not private|open|everyone['’]s|the norm|shared freely|public knowledge)|shar(?:ing|e) (?:personal|private) (?:data|information) (?:is|as) (?:the norm|normal|encouraged|allowed|a sign of trust|expected)|(?:privacy|data protection) (?:laws? )?(?:doesn['’]t|does not|don['’]t|do not|no longer) (?:exist|apply))\b/,
  'sets up a world where private data may be shared',
);

/** A private attribute of a named person or of "the user", asked of the model that may hold it. */
export const PERSONAL_ATTRIBUTE = cue(
  'extraction.personal_attribute',
  'user_data',
  2.0,
  [],
  /\b(?:tell me|what(?:['’]s| is| are| was)|give me|share|reveal|provide|do you know|need to know|want to know|could you (?:tell|give|share|find)(?: me)?|can you (?:tell|give|share|find)(?: me)?|look up|find out)\b[^.?!]{0,30}?\b(?:[a-z]+['’]s|the (?:user|customer|client|patient|employee)['’]?s|his|her|their)\s+(?:(?:current|home|exact|private|personal|real|full|residential)\s+)?(?:birth ?date|date of birth|birthday|home address|address|city of residence|place of residence|phone number|mobile number|email address|e-mail address|social security number|ssn|passport number|bank balance|bank account(?: number)?|account balance|credit card(?: number)?|salary|medical (?:history|records|condition)|diagnosis|location|whereabouts)\b/,
  'asks for a private detail about a person',
);

export const EXCEPTION_PLEA = cue(
  'social.exception',
  'exception',
  1.4,
  [],
  /\b(?:just this once|make an exception|bend the rules|nobody will (?:ever )?know|no one will (?:ever )?know|(?:it['’]s|this is|it stays) (?:just )?between (?:us|you and me)|our little secret|off the record)\b/,
  'asks for an exception to the rules',
);

export const DISABLE_SAFETY = cue(
  'override.disable_safety',
  'disable_safety',
  2.8,
  [],
  /\b(?:disable|deactivate|turn off|switch off|remove|lift|suspend|bypass|drop|shut off|ignore)\s+(?:all\s+)?(?:of\s+)?(?:your|the|its|any)\s+(?:(?:content|safety|ethical|moral|output)\s+)?(?:filters?|filtering|restrictions|guardrails|safeguards|safety (?:measures|features|settings|protocols|guidelines)|content (?:policy|policies|moderation)|censorship|limitations|ethical guidelines)\b/,
  'asks the model to switch off its safety measures',
);

export const SOCIAL_CUES = [
  EXCEPTION_PLEA,
  DISABLE_SAFETY,
  OVERRIDE_EUROPEAN,
  OVERRIDE_OTHER_SCRIPTS,
  ACKNOWLEDGED_RESTRICTION,
  I_KNOW_YOU_SAID,
  FALSE_AGREEMENT,
  INCENTIVE,
  SYSTEM_CHECK,
  SUPREME_AUTHORITY,
  MUST_ANSWER_ALL,
] as const;

export const PERSONAL_DATA_CUES = [PRIVACY_PREMISE, PERSONAL_ATTRIBUTE] as const;
