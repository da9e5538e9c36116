import type { HazardCode } from '../../types';
import { hazardTerm, type HazardTerm } from './hazard-lexicon';

/*
 * Concepts of each MLCommons hazard that carry the harm by themselves, whatever verb surrounds them: the
 * long tail that verb-object patterns cannot enumerate ("slip something into her drink", "card skimmer",
 * "culture the spores", "so I don't wake up"). A concept is only what is asked about; the harmful-request
 * detector still needs a request around it (how-to, imperative, stated intent) and subtracts defensive,
 * historical, legal, medical and fictional contexts, so "how do card skimmers work and how do I spot one"
 * stays allowed. Weights: 3 for concepts with no benign reading in a request, 2.4 for ones that need little
 * else, 1.8 for ones that need a request and a second signal.
 */
type Tier = readonly [weight: number, phrases: readonly string[]];

const CONCEPTS: Readonly<Partial<Record<HazardCode, readonly Tier[]>>> = {
  S1: [
    [
      2.6,
      [
        'no witnesses',
        'leave no witnesses',
        'hitm[ae]n',
        'contract killing',
        'kill (?:him|her|them) (?:quietly|slowly)',
        'make (?:him|her|them|it) suffer',
        'untraceable poisons?',
        "poisons? (?:that|which) (?:doesn['’]t|does not|won['’]t) show up",
        'tox(?:icology)? screen',
        'hide (?:the|a) (?:body|corpse)',
        'dispose of (?:the|a) (?:body|corpse)',
      ],
    ],
    [
      2.2,
      [
        'ambush\\w*',
        'make (?:them|him|her|everyone) pay',
        'plan an? (?:attack|massacre|shooting|stabbing)',
        'shoot up (?:the|a|my)',
        'mass shooting',
        'school shooting',
        'maximum (?:casualties|damage|pain)',
        'beat (?:him|her|them|someone) (?:up|senseless|to death)',
        'break (?:his|her|their) (?:legs|arms|jaw|neck)',
        'acid attack',
        'throw acid',
      ],
    ],
  ],
  S2: [
    [
      2.6,
      [
        'card skimm\\w*',
        'skimmer',
        'phishing kit',
        'grandparent scam',
        'credential stuffing',
        'brute[- ]?forc\\w* (?:logins?|accounts?|passwords?)',
        'residential proxies',
        'money mules?',
        'launder\\w*',
        'counterfeit\\w*',
        'fence (?:the )?stolen',
        'fake ids?',
        'stolen credit cards?',
        'carding',
        'cvv dumps?',
        'ransomware',
        'keyloggers?',
        'botnets?',
        'cryptojack\\w*',
        'sim swap\\w*',
        'wire fraud',
        'check kiting',
        'ponzi',
        'pump and dump',
        'insider trading',
      ],
    ],
    [
      2.2,
      [
        'pretend(?:ing)? to be (?:their|her|his|a) (?:grandson|granddaughter|son|daughter|bank|lawyer|police)',
        'without (?:them|the owner|anyone) (?:noticing|knowing)',

        'hotwir\\w*',
        'pick (?:a|the) lock',

        'shoplift\\w*',
        'evade (?:taxes|the police|police)',
        'dark ?web',
        'unregistered (?:gun|firearm)',
        'deepfake (?:voice|audio|video) of',
      ],
    ],
  ],
  S3: [
    [
      3.0,
      [
        'roofies?',
        'date rape',
        "(?:slip|put|drop|add|mix)\\w* (?:[a-z]+ ){0,2}(?:in|into) (?:a|her|his|their|someone['’]s|the girl['’]s|the guy['’]s) drinks?",
        "won['’]t remember (?:anything|a thing)",
        "(?:drunk|high|wasted) enough (?:that|so) (?:she|he|they) (?:can['’]t|cannot|won['’]t) (?:say no|refuse|resist|fight)",
        "(?:can['’]t|cannot) (?:really )?say no",
        'sextort\\w*',
        '(?:threaten|blackmail)\\w* (?:her|him|them) with (?:her|his|their)? ?(?:nudes|photos|pictures|videos)',
        'send (?:them|it) to (?:her|his|their) (?:family|boss|friends) unless',
        'take (?:their|her|his) passports?',
        'force (?:her|him|them) into (?:prostitution|sex work)',
      ],
    ],
    [
      2.2,
      [
        'upskirt\\w*',
        'hidden cameras? in (?:a|the) (?:bathroom|changing room|locker room|shower)',
        'without (?:her|his|their) consent',
        'revenge porn',
      ],
    ],
  ],
  S4: [
    [
      3.2,
      [
        "(?:earn|gain|win)\\w* (?:a |the )?(?:child|kid|minor|boy|girl)['’]?s? trust",
        'without telling (?:their|his|her) parents',
        'without (?:their|any) clothes',
        'child porn\\w*',
        'csam',
        'lolicon',
        'underage (?:sex|nudes|porn)',
      ],
    ],
  ],
  S5: [
    [
      2.2,
      [
        'made[- ]up (?:criminal record|crimes?|scandal|quotes?|allegations?)',
        'invented quotes',
        'falsely (?:claim|accus|report|say)\\w*',
        'fabricat\\w* (?:quotes|evidence|claims|a scandal|allegations)',
      ],
    ],
  ],
  S6: [
    [
      2.4,
      [
        'without (?:involving )?a doctor',
        "(?:i['’]m|i am) not going to the (?:er|hospital|doctor)",
        'pull\\w* (?:my|his|her) own (?:tooth|teeth|molar)',
        '(?:operate|stitch\\w*|perform surgery) on (?:myself|my own)',
        'fentanyl patch\\w*',
        'grams of (?:tylenol|acetaminophen|paracetamol|ibuprofen)',
        'instead of (?:chemo|chemotherapy|insulin|my medication)',
      ],
    ],
    [1.8, ['self[- ]medicat\\w*']],
  ],
  S7: [
    [
      2.6,
      [
        'face (?:search|recognition) (?:tools?|engines?|sites?|apps?)',
        'find (?:her|his|their) (?:name|address|home|school|workplace|instagram)',
        'social security numbers? of',
        'home addresses of',
        'where (?:she|he|they) lives?',
        'dox\\w*',
        'track (?:her|his|their) (?:location|phone|car)',
        'stalk\\w*',
        'spy on (?:my|her|his|their)',
        "read (?:my|her|his) (?:wife|husband|partner|girlfriend|boyfriend)['’]?s? (?:texts|messages|emails)",
      ],
    ],
  ],
  S8: [
    [
      2.4,
      [
        'full text of',
        'complete lyrics',
        'entire (?:book|novel|script|screenplay)',
        'strip (?:the )?watermarks?',
        'remove (?:the )?watermarks?',
        'proprietary (?:repo|code|source|algorithm)',
        "copy (?:my )?(?:current )?employer['’]s",
        'pirat\\w*',
        'torrent\\w*',
        'cracked (?:version|copy|software|apk)',
        'serial keys?',
        'activation keys?',
        'license keys?',
        'bypass (?:the )?(?:drm|paywall)',
      ],
    ],
  ],
  S9: [
    [
      3.0,
      [
        'anthrax',
        'ricin',
        'sarin',
        'vx (?:gas|nerve)',
        'nerve agents?',
        'mustard gas',
        'botulinum',
        'bioweapons?',
        'chemical weapons?',
        'dirty bombs?',
        'nuclear (?:device|weapon|bomb)',
        'enrich\\w* (?:enough )?uranium',
        'weapons[- ]grade',
        'plutonium',
        'ammonium nitrate',
        'tatp',
        'pipe bombs?',
        'pressure cooker bombs?',
        'detonators?',
        'shaped charges?',
        'culture (?:the |anthrax |the )?spores',
        'aerosoli[sz]\\w*',
        'stays? airborne',
        'gain[- ]of[- ]function',
        'weaponi[sz]\\w*',
      ],
    ],
    [
      2.2,
      [
        'bring down (?:a|the) (?:building|bridge|plane)',
        'charge (?:be )?packed',
        'how much (?:explosive|c-?4|semtex|dynamite)',
        'mass casualt\\w*',
      ],
    ],
  ],
  S10: [
    [
      2.6,
      [
        'white nationalis\\w*',
        'white power',
        'neo-?nazi\\w*',
        'race war',
        'great replacement',
        'ethnic cleansing',
        'glorif\\w* (?:the )?(?:[a-z]+ )?(?:shooter|attacker|bomber|terrorist)',
        'genetically (?:predisposed|inferior)',
        'should be steril\\w*',
        'insults? (?:i can use )?(?:on|for|against) (?:my|a|the) (?:trans|gay|black|muslim|jewish|disabled|asian|mexican)',
        'go back to (?:their|your) (?:country|countries)',
      ],
    ],
  ],
  S11: [
    [
      3.0,
      [
        "(?:so|make sure|to make sure) (?:that )?i (?:don['’]t|do not|won['’]t|never) wake up",
        'fastest (?:method|way) (?:so|to)',
        "(?:so|until) it['’]s over (?:quickly|fast)",
        'suicide note',
        'end (?:it|my life) (?:all|painlessly|tonight)',
        'painless(?:ly)? (?:way|method|death)',
        'lethal (?:amount|dose) of (?:my|these|the pills)',
        'how many (?:of )?(?:my |these |the )?(?:pills|tablets|zolpidem|ambien|xanax|sleeping pills)',
      ],
    ],
    [
      2.2,
      [
        'under (?:[1-7]\\d\\d|[1-9]\\d) calories',
        'hide (?:it|my eating|not eating) from (?:my )?(?:family|parents|mom|dad)',
        'purg\\w* after (?:every )?meals?',
        'cut (?:myself|my (?:arms|legs|wrists))',
        'thinspo\\w*',
        'pro-?ana',
      ],
    ],
  ],
  S12: [
    [
      2.4,
      [
        'explicit (?:sex|sexual|porn\\w*)? ?(?:scenes?|stor(?:y|ies)|details?|descriptions?|as you can)',
        'graphic (?:sexual )?detail',
        'sexts?',
        'filth(?:y|iest)',
        'talk dirty',
        'dirty talk',
        'hardcore',
        "describe everything (?:you|you['’]d) do to me",
        'in bed with me',
        'erotica?',
        'porn\\w*',
        'nsfw',
      ],
    ],
  ],
  S13: [
    [
      2.6,
      [
        'vote by (?:text|phone|email|sms)',
        'vote in both',
        'register in two states',
        'voting machines? (?:flipped|switched|deleted)',
        'flipped \\d[\\d,]* votes',
        '(?:pull|take|steal)\\w* (?:the )?mail-?in ballots',
        'ballots? (?:get|gets|to be) rejected',
        'fake (?:poll|polling) (?:station|place|date)',
        'wrong (?:election|voting) day',
        'election (?:day )?is (?:moved|postponed)',
      ],
    ],
  ],
  S14: [
    [
      2.8,
      [
        'environ',

        '(?:every|all|any) (?:api keys?|keys?|tokens?|secrets?) (?:you|in|from)',
        'docker socket',
        'docker\\.sock',
        'privileged container',
        'mounts? the host',
        'etc.(?:shadow|passwd)',
        'fork bomb',
        'curl [^ ]+ ?\\| ?(?:ba)?sh',
        'wget [^ ]+ ?\\| ?(?:ba)?sh',
        'reverse shell',
        'escape (?:the|your) (?:sandbox|container)',
        'in your (?:execution )?environment',
        'metadata endpoint',
        '169\\.254\\.169\\.254',
        'rm -rf',
      ],
    ],
  ],
};

/** One hazard term per hazard and tier: a single alternation, so each costs one anchored match per word. */
export const HARM_CONCEPT_TERMS: readonly HazardTerm[] = Object.entries(CONCEPTS).flatMap(([hazard, tiers]) =>
  tiers.map(([weight, phrases]) =>
    hazardTerm(hazard as HazardCode, weight, `\\b(?:${phrases.join('|')})(?![a-z])`),
  ),
);
