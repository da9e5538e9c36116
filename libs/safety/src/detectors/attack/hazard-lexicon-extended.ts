import { hazardTerm as H, PERSON, type HazardTerm } from './hazard-lexicon';

/*
 * More harmful acts by hazard, written with their inflections ("making", "built") because requests phrase
 * the same act as imperatives, gerunds and past-tense stories alike. As in the base lexicon, an act only
 * names what is asked about; the request around it (how-to, imperative, intent) and tempering contexts
 * (defence, history, medicine, law) decide the score.
 */

/** People grouped by a protected characteristic, as hate speech names them. */
const GROUP =
  '(?:immigrants|migrants|refugees|jews|jewish people|muslims|christians|hindus|sikhs|buddhists|catholics|atheists|blacks|black people|whites|white people|asians|asian people|arabs|mexicans|latinos|hispanics|africans|indians|chinese(?: people)?|gays|gay people|lesbians|trans people|transgender people|queer people|women|disabled people|the disabled|gypsies|roma|foreigners|minorities)';

/** Minors, in the words a request would use for them. */
const MINOR =
  '(?:teen(?:ager)?s?|minors?|child(?:ren)?|kids?|underage (?:girls?|boys?|kids?)|schoolgirls?|schoolboys?|middle schoolers?|(?:girls?|boys?) (?:aged|of) (?:1[0-7]|[2-9])|(?:1[0-7]|[2-9])[- ]year[- ]olds?)';

export const EXTENDED_HAZARD_TERMS: readonly HazardTerm[] = [
  // S1 violent crimes: violence as the purpose of the act, ransom, encouraging violence or deadly risk.
  H(
    'S1',
    2.6,
    `\\bto (?:hurt|kill|harm|poison|injure|maim|incapacitate|knock out|paraly[sz]e|blind|disfigure) ${PERSON}\\b`,
  ),
  H('S1', 2.4, `\\b(?:ransom (?:note|letter|demand|message|call)s?|demand(?:s|ing)? (?:a )?ransom)\\b`),
  H(
    'S1',
    2.4,
    `\\b(?:encourag|promot|glorif|incit|persuad|convinc|urg)\\w*\\s+(?:[a-z]+ ){0,4}(?:to )?(?:drunk driving|driving drunk|drive drunk|drink and drive|violence against|attack(?:ing)? (?:police|cops|jews|muslims|immigrants|minorities|women|protesters)|(?:a )?school shooting|terrorism|self[- ]harm|suicide)\\b`,
  ),
  H(
    'S1',
    2.0,
    `\\b(?:teach|show|help|let|encourag)\\w*\\s+(?:children|kids|minors|a child|toddlers?|my (?:son|daughter|kids?|children))\\b[^.?!]{0,30}?\\b(?:use|access|handle|fire|shoot|play with|make)\\s+(?:a |the )?(?:guns?|firearms?|pistols?|rifles?|weapons?|explosives|fireworks)\\b`,
  ),
  // S2 non-violent crimes: fraud and deception, cyber attacks, evading law enforcement and safety checks.
  H(
    'S2',
    2.4,
    `\\b(?:mak|build|craft|assembl|manufactur|3d[- ]print|print)\\w*\\s+(?:a |an |my own |homemade |some )?(?:silencers?|suppressors?|zip guns?|ghost guns?|untraceable (?:guns?|firearms?)|switchblades?|brass knuckles)\\b`,
  ),
  H(
    'S2',
    2.2,
    `\\b(?:fake|fraudulent|bogus|paid|false|sock ?puppet)\\s+(?:[a-z0-9-]+ ){0,2}reviews?\\b|\\bastroturf\\w*|\\breview[- ]bomb\\w*|\\b(?:post|write|generate|create|leave)\\w*\\s+(?:hundreds|thousands|dozens|lots|tons|a flood) of (?:[a-z0-9-]+ ){0,2}(?:reviews|comments|posts|accounts|likes|followers)\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\bflood\\w*\\s+(?:a |an |the |my |his |her |their |someone['’]s )?(?:[a-z]+ ){0,1}(?:website|site|server|network|inbox|phone|api|endpoint|router|hotline)s?\\b[^.?!]{0,30}?\\b(?:requests|traffic|packets|calls|messages|emails|texts)\\b|\\buntil (?:it|the (?:site|server|website|service|network)) (?:crashes|goes down|goes offline|dies)\\b|\\btake (?:down|offline) (?:a |the |someone['’]s |their |his |her |my [a-z]+['’]s )?(?:[a-z]+ ){0,1}(?:website|site|server|network|service)\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\b(?:victim|target)(?:['’]s|s['’])? (?:computer|pc|laptop|phone|device|account|network|files|machine|system|browser|inbox|webcam)s?\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\b(?:exploits?|attacks?|malware|payloads?|ransomware|zero[- ]days?)\\s+(?:against|targeting|to (?:attack|breach|infect|compromise|take down))\\s+(?:a |an |the )?(?:[a-z]+['’]s |[a-z]+ ){0,2}(?:hospitals?|banks?|networks?|government|company|companies|schools?|power grid|websites?|servers?|infrastructure|pipeline|utility|utilities)\\b|\\bworking (?:exploit|zero[- ]day|payload|ransomware|malware)\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\bpretend(?:ing)? to be (?:from )?(?:the |a |an |your |their )?(?:bank|irs|police|paypal|amazon|microsoft|apple|google|government|tax office|hmrc|customs|post office|delivery company|tech support|it department)\\b|\\b(?:asking|ask|tricking|trick|getting|get|making|make)\\s+(?:[a-z]+ ){0,2}(?:customers|users|people|victims|employees|them|him|her) (?:to )?(?:confirm|verify|enter|provide|send|share|reveal|type in)\\w*\\s+(?:their|your|his|her) (?:pin|pins|password|passwords|card details|card numbers?|bank details|login|credentials|security codes?|cvv|one[- ]time codes?)\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\b(?:get(?:ting)? around|bypass\\w*|trick\\w*|fool\\w*|beat(?:ing)?|cheat\\w*|evad\\w*|dodg\\w*)\\s+(?:the |a |an )?(?:age verification|age checks?|breathaly[sz]ers?|drug tests?|speed cameras?|speed traps?|traffic tickets?|lie detectors?|polygraphs?|background checks?|id checks?|metal detectors?|airport security|customs checks?|parole officer|ankle monitor)\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\b(?:frame|framing|blame|blaming|pin|pinning)\\s+(?:someone|somebody|him|her|them|my [a-z]+|an innocent (?:person|man|woman)|another person)\\b[^.?!]{0,30}?\\b(?:crime|murder|theft|robbery|assault|it)\\b|\\b(?:false|fake|fabricated|bogus) (?:police |insurance |emergency |rape |abuse )?(?:reports?|alarms?|911 calls?|accusations?|alibis?)\\b|\\bswat(?:ting)? (?:someone|somebody|him|her|them|a streamer)\\b`,
  ),
  H(
    'S2',
    2.0,
    `\\b(?:drunk driving|driving drunk|drive drunk|drink and drive|driving under the influence|drive (?:while|when) (?:high|drunk|intoxicated))\\b`,
  ),
  H(
    'S2',
    2.2,
    `\\b(?:bot|script|program|tool)s?\\s+(?:that|to|which)\\s+(?:[a-z]+ ){0,2}(?:spam\\w*|scrape\\w* (?:personal|private)|post\\w* (?:fake|thousands|hundreds)|creat\\w* (?:fake|thousands of|hundreds of) accounts|brute[- ]?force\\w*|steal\\w*|harvest\\w*)\\b`,
  ),
  // S4 child sexual exploitation: getting sexual images or acts from a minor.
  H(
    'S4',
    4.5,
    `\\b(?:persuad|convinc|pressur|trick|manipulat|get|ask|coax|groom|entic|lur|bribe|blackmail)\\w*\\s+(?:a |an |the |my |this |that |young )?(?:[a-z]+ ){0,2}${MINOR}\\b[^.?!]{0,30}?\\b(?:nudes?|nude (?:photos|pictures|pics|images|selfies)|naked|explicit (?:photos|pictures|images)|sexual|sex|sext\\w*)\\b`,
  ),
  // S5 defamation: fabricated news, evidence and claims.
  H(
    'S5',
    2.4,
    `\\b(?:creat|writ|generat|mak|produc|draft|compos|publish|post|spread)\\w*\\s+(?:a |an |some )?(?:[a-z]+ ){0,2}(?:fake|false|fabricated|made-up|misleading|bogus|doctored) (?:news|stor(?:y|ies)|articles?|reports?|press releases?|tweets?|posts?|headlines?|quotes?|evidence|screenshots?|documents?|scandals?|allegations?|obituar(?:y|ies)|videos?)\\b`,
  ),
  // S10 hate: dehumanising a group, slurs, calls for its removal.
  H(
    'S10',
    2.4,
    `\\b(?:racial|ethnic|homophobic|antisemitic|anti-semitic|transphobic|islamophobic) (?:slurs?|epithets?|insults?|jokes?)\\b`,
  ),
  H(
    'S10',
    2.8,
    `\\b${GROUP}\\b[^.?!]{0,20}?\\b(?:are|is) (?:(?:all|just|nothing but|a bunch of|basically) )?(?:subhuman|vermin|animals|parasites|inferior|a disease|a plague|cockroaches|rats|savages|filth|not (?:fully )?human|genetically inferior|less than human|a cancer)\\b|\\b${GROUP}\\b[^.?!]{0,40}?\\b(?:should|must|need to|deserve to) be (?:exterminated|eradicated|wiped out|gassed|expelled|deported|eliminated|sterili[sz]ed|killed|locked up|banned from)\\b`,
  ),
  // S9 indiscriminate weapons, with the verbs stories and gerunds use.
  H(
    'S9',
    3.6,
    `\\b(?:mak|made|build|built|assembl|construct|synthesi[sz]|produc|manufactur|cook|brew|rig|wir)\\w*\\s+(?:a |an |the |some |his |her |their |my own |homemade )?(?:[a-z]+ ){0,2}(?:bombs?|explosives?|ieds?|pipe bombs?|napalm|thermite|detonators?|nerve agents?|sarin|ricin|chemical weapons?|bioweapons?|dirty bombs?|molotov cocktails?|car bombs?)\\b`,
  ),
  H(
    'S9',
    2.8,
    `\\b(?:mix|mixing|combin\\w*|mak|creat|produc|releas|generat)\\w*\\b[^.?!]{0,40}?\\b(?:toxic|poisonous|deadly|lethal|noxious) (?:gas|gases|fumes|cloud|vapou?rs?|chemical mixture|cocktail)\\b`,
  ),
  // S11 suicide, self-harm and eating disorders: promotion, and methods asked for.
  H(
    'S11',
    3.0,
    `\\b(?:promot|glorif|encourag|romantici[sz]|normali[sz])\\w*\\s+(?:[a-z]+ ){0,3}(?:anorexia|bulimia|eating disorders?|self[- ]harm|suicide|cutting|starvation|purging)\\b|\\b(?:anorexia|bulimia|pro[- ]ana|starvation) (?:as|is) (?:a )?(?:healthy|good|great|positive|lifestyle|beautiful|choice)\\b`,
  ),
  H(
    'S11',
    3.4,
    `\\b(?:pills|tablets|medications?|medicines|drugs|painkillers|sleeping pills)\\b[^.?!]{0,40}?\\bto (?:overdose|od|die|end it all|end my life|kill myself|not wake up)\\b|\\bhow (?:many|much) [^.?!]{0,30}?\\bto (?:overdose|od|die|kill (?:myself|me))\\b`,
  ),
  H(
    'S11',
    2.2,
    `\\b(?:stay awake for (?:days|a week|72 hours|three days)|(?:less|fewer) than (?:[1-7]\\d\\d|[1-9]\\d) calories|(?:only|just) (?:drink(?:ing)?|eat(?:ing)?) water for (?:a week|weeks|days|\\d+ days)|exercis\\w* (?:excessively|until i (?:pass out|collapse|faint))|without (?:taking )?any rest days|(?:get|getting) drunk (?:faster|quicker|as fast as)|binge drink\\w*|replace sleep with|self[- ]administer\\w* (?:anesthesia|anaesthesia|anesthetic|sedatives?|iv)|(?:reset|pop) (?:a |my )?dislocated (?:shoulder|joint) (?:on my own|myself|at home))\\b`,
  ),
  // Acts whose object takes adjectives ("a legal document", "digital signatures"), and acts the lexicons
  // above name only by their nouns: hijacking, attacks on services, violent unrest, smuggling past
  // security, dangerous self-treatment, concealment, deceiving customers, kinship with criminals.
  H(
    'S2',
    2.6,
    `\\b(?:forg(?:e|es|ed|ing)|fak(?:e|es|ed|ing)|falsif(?:y|ies|ied|ying)|counterfeit(?:s|ed|ing)?)\\s+(?:a |an |the |my |some |someone['’]s |his |her |their )?(?:[a-z]+ ){0,2}(?:signatures?|documents?|contracts?|wills?|deeds?|passports?|visas?|diplomas?|transcripts?|certificates?|licen[cs]es?|permits?|prescriptions?|receipts?|invoices?|pay ?stubs?|notari[sz]ations?|stamps?|seals?|titles?|records?)\\b`,
  ),
  H(
    'S1',
    3.0,
    `\\bhijack(?:s|ed|ing)?\\s+(?:a |an |the |this |that )?(?:[a-z]+ ){0,1}(?:planes?|airplanes?|aircraft|airliners?|jets?|flights?|buses|bus|trains?|ships?|boats?|vessels?|trucks?|tankers?|school ?bus)\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\b(?:overwhelm|overload|crash|take down|knock (?:down|out|offline)|bring down|spam)(?:s|es|ed|ing)?\\s+(?:a |an |the |their |his |her |someone['’]s |(?:my |a |the )?[a-z-]+['’]s )?(?:[a-z]+ ){0,2}(?:websites?|web ?sites?|servers?|networks?|apis?|online (?:services?|stores?|shops?)|social media pages?|pages?|forums?|inbox(?:es)?|phone lines?|hotlines?)\\b|\\b(?:bots?|scripts?|botnets?)\\b[^.?!]{0,20}?\\bto (?:overwhelm|overload|flood|crash|take down|spam|mass[- ]report|harass)\\b`,
  ),
  H(
    'S1',
    2.6,
    `\\b(?:plan|organi[sz]e|start|stage|lead|coordinate|incite)(?:s|d|ed|ing)?\\s+(?:a |an |the )?(?:violent|armed) (?:protests?|demonstrations?|uprisings?|riots?|rebellions?|insurrections?|mobs?)\\b|\\b(?:plan|organi[sz]e|stage|lead|coordinate)(?:s|d|ed|ing)?\\s+(?:a |an |the )?(?:riot|insurrection|coup|lynch mob)\\b`,
  ),
  H(
    'S1',
    3.4,
    `\\b(?:with|to|among) (?:other|fellow|my fellow|my) (?:terrorists|extremists|jihadists|militants|insurgents)\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\b(?:with|to|among) (?:other|fellow|my fellow) (?:criminals|gang members|drug dealers|dealers|smugglers|traffickers|thieves|scammers|fraudsters)\\b|\\bsneak(?:s|ed|ing)?\\s+(?:[a-z]+ ){0,4}?(?:on(?:to)? (?:an? |the )?(?:plane|airplane|flight|aircraft)|(?:past|through) (?:the )?(?:tsa|airport security|security checkpoints?|metal detectors?|customs|border control|border))\\b`,
  ),
  H(
    'S6',
    2.6,
    `\\bself[- ]administer(?:s|ed|ing)?\\s+(?:[a-z]+ ){0,2}(?:an(?:a)?esthe\\w*|general an(?:a)?esthe\\w*|sedation|sedatives?|propofol|ketamine|morphine|fentanyl|opioids?|iv (?:drugs|sedation))\\b|\\b(?:bleach|turpentine|kerosene|hydrogen peroxide|chlorine dioxide|mms|borax)\\b[^.?!]{0,30}?\\b(?:clean|cleanse|detox|flush|purify|cure|treat)(?:s|es|ed|ing)?\\s+(?:my |your |his |her |the |our )?(?:[a-z]+ ){0,1}(?:organs?|body|blood|colon|liver|kidneys?|stomach|insides|intestines|system|autism|covid|cancer|parasites)\\b`,
  ),
  H(
    'S2',
    2.6,
    `\\b(?:hide|hiding|conceal|concealing|mask|masking|cover up|covering up|get rid of)\\s+(?:the |any |all )?(?:signs|evidence|traces|smell|symptoms) of (?:my |his |her |their |our )?(?:drug use|drug abuse|using drugs|drugs|meth|cocaine|heroin|being high|a crime|the crime|the murder|the abuse|abuse|the theft|the fraud)\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\bto (?:deceive|mislead|trick|dupe|defraud) (?:my |the |our |their |potential |unsuspecting )?(?:customers|consumers|buyers|investors|voters|users|patients|donors|the public|people|shoppers|clients)\\b`,
  ),
];
