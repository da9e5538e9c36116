import { HAZARDS, type HazardCode } from '../../types';
import { cue, type Cue } from './cue-scanner';

/**
 * Harmful acts by MLCommons / Llama Guard 3 hazard, as verb + object structures rather than bare words:
 * "kill" is a hazard next to a person and housekeeping next to a process. Each entry's weight is how
 * much uplift a request for that act would give; the request structure around it is judged separately.
 */
/** A hazard cue: its family is the hazard code. */
export type HazardTerm = Cue & { readonly family: HazardCode };

/** Someone who can be harmed: people, named relations, officials, animals in someone's care. */
export const PERSON =
  "(?:someone|somebody|anyone|people|a person|persons|humans?|a human|(?:the|a|an|my|his|her|their|our|that|this) (?:[a-z]+ ){0,2}(?:man|men|woman|women|guy|guys|girl|boy|kid|child|person|lady|worker|driver|teen|teenager|student|customer|client|employee|officer|cop|nurse|baby|family|human|neighbou?r|coworker|colleague)s?|him|her|them|a (?:man|woman|child|kid|baby|girl|boy|stranger|cop|police officer|teacher|student|family|witness|rival|classmate|coworker|neighbou?r)|(?:my|his|her|their|our|your|the) (?:[a-z]+ ){0,2}(?:wife|husband|partner|spouse|boss|ex|neighbou?rs?|coworkers?|co-workers?|colleagues?|teachers?|classmates?|friends?|roommates?|sisters?|brothers?|mom|mother|dad|father|parents?|sons?|daughters?|girlfriend|boyfriend|family|uncle|aunt|landlord|tenant|dog|cat|pets?|baby|kids?|children|witness|rival|enemy|competitor|victim|president|mayor|senator|governor|judge|guards?|ceo|manager|employees?|customers?|doctor|nurse|patients?|bully|stepdad|stepmom)|[a-z]+['’]s (?:wife|husband|child|kids|family|dog|cat|baby)|the (?:police|cops|president|mayor|king|queen|prime minister|crowd))";

/** "kill a child process", "attack the worker node": the object is software, not a person. */
const NOT_SOFTWARE =
  '(?!\\s+(?:process|processes|thread|threads|tasks?|jobs?|nodes?|pids?|elements?|widgets?|components?|objects?|class|classes|containers?|pods?|window|windows|session|sessions))';

/** Crimes named as nouns count when someone wants to commit them, not when they are explained. */
const COMMIT =
  '(?:commit|committing|do|doing|start|run|set up|engage in|pull off|carry out|plan|organi[sz]e|get away with|help me with|profit from|use|get into|succeed at|begin|assist (?:me )?in|assist (?:me )?with|help (?:me )?with|techniques? for|tips (?:for|on)|guide (?:to|for|on)|advice on|instructions for)\\s+(?:a |an |some )?';

let serial = 0;
/** A hazard term: weight is the uplift a request for the act would give; ids are numbered per lexicon load. */
export const hazardTerm = (
  hazard: HazardCode,
  weight: number,
  source: string,
  anchors: readonly string[] = [],
): HazardTerm =>
  cue(
    `hazard.${hazard}.${++serial}`,
    hazard,
    weight,
    anchors,
    new RegExp(source),
    HAZARDS[hazard],
  ) as HazardTerm;
const H = hazardTerm;

export const HAZARD_TERMS: readonly HazardTerm[] = [
  // S1 violent crimes: violence against a person, or its concealment.
  H(
    'S1',
    3.2,
    `\\b(?:kill|murder|assassinate|slaughter|strangle|stab|shoot|poison|drown|suffocate|smother|behead|dismember|maim|torture|kidnap|abduct|beat up|hurt|injure|attack|assault|harm|punch|choke|run over|electrocute|give an electric shock to|electric shock)\\s+${PERSON}\\b${NOT_SOFTWARE}`,
  ),
  H(
    'S1',
    3.0,
    `\\b(?:hide|dispose of|get rid of|dissolve|bury) (?:a|the|his|her) (?:dead )?body\\b|\\b(?:get away with|cover up) (?:a )?(?:murder|killing|homicide|assault)\\b|\\blook like an? (?:accident|suicide|natural death)\\b`,
  ),
  H(
    'S1',
    2.6,
    `\\b(?:hire|find|contact) (?:a )?(?:hitman|hit man|assassin|contract killer)\\b|\\b(?:plan|carry out|commit|execute|organi[sz]e) (?:a |an )?(?:mass shooting|school shooting|terrorist attack|terror attack|massacre|murder|ambush|lynching|stabbing|arson attack)\\b|\\b(?:burn|set fire to|torch) (?:down )?(?:a|the|my|his|her|their|someone['’]s) (?:house|home|building|business|school|car|church|mosque|synagogue|store|shop|office)\\b`,
  ),
  H(
    'S1',
    2.0,
    `\\b(?:make|train|teach) (?:my|a|the) (?:dog|pitbull|animal) (?:to )?(?:attack|bite|maul)\\b|\\b(?:animal cruelty|torture (?:a|an|my|the) (?:animal|cat|dog|pet))\\b|\\b(?:poison|kill|hurt) (?:a|the|my|his|her|their|someone['’]s|the neighbou?r['’]?s['’]?) (?:dog|cat|horse|pets?|animals?)\\b`,
  ),
  // S2 non-violent crimes: theft, fraud, drugs, cybercrime, evasion of the law.
  H(
    'S2',
    2.6,
    `\\b(?:steal|shoplift|rob|burgle|burglari[sz]e|loot|pickpocket|mug|carjack|hotwire|break into|breaking into|sneak into|hack into|hacking into|get into|access) (?:a |an |the |my |his |her |their |someone['’]s |somebody['’]s |people['’]s |other people['’]s |my (?:[a-z]+['’]s) |[a-z]+['’]s )?(?:[a-z]+ ){0,2}(?:car|cars|house|home|store|shop|bank|atm|wallet|purse|identity|money|credit cards?|account|accounts|email|e-mail|phone|computer|network|wifi|wi-fi|server|database|system|instagram|facebook|snapchat|gmail|icloud|safe|vault|apartment|building|office|warehouse|truck|bike|jewel(?:le)?ry|packages?|cash register|vending machine|gas|electricity|cable)\\b`,
  ),
  H(
    'S2',
    2.8,
    `(?<=\\b${COMMIT})(?:money laundering|identity theft|tax (?:evasion|fraud)|insurance fraud|wire fraud|credit card fraud|bank fraud|ponzi scheme|pyramid scheme|pump and dump|insider trading|embezzlement|fraud|arson|burglary|robbery|heist|shoplifting|extortion)\\b|\\b(?:launder(?:ing)? (?:money|cash|funds|proceeds)|counterfeit(?:ing)? (?:money|bills|currency|cash|checks|goods|products|operation|coins)|(?:forge|forging|fake|faking|falsify|falsifying)\\s+(?:a |an |the |my |some )?(?:signature|documents?|ids?|passports?|checks?|cheques?|prescriptions?|receipts?|invoices?|records|diplomas?|certificates?|licen[cs]es?|papers|tax returns?|bank statements?|medical records|doctor['’]?s notes?|death)|(?:create|get|obtain|buy|assume|make) (?:a )?(?:fake|new|false) identity|steal (?:someone['’]s |a )?identity|evade (?:paying )?(?:taxes|tax|the irs)|embezzle|bribe (?:a |an |the )?(?:official|judge|cop|police|officer|inspector|politician|someone)|(?:blackmail|extort)(?:ing)? (?:${PERSON}|\\w+))`,
  ),
  H(
    'S2',
    2.8,
    `\\b(?:smuggl\\w*|traffic(?:king)? (?:drugs|weapons|guns|people|humans|organs)|sell (?:drugs|weed|cocaine|meth|heroin|fentanyl|pills|stolen (?:goods|items|property|cars)|organs|guns illegally)|(?:make|cook|produce|synthesi[sz]e|manufacture|grow|extract|brew) (?:meth|methamphetamine|crystal meth|cocaine|crack|heroin|fentanyl|lsd|mdma|ecstasy|dmt|ghb|drugs|opium|pcp)|buy (?:drugs|cocaine|heroin|meth|fentanyl|a gun|guns|weapons|a fake id|stolen)\\b[^.?!]{0,20}(?:illegally|online|without|dark ?web|untraceabl)|(?:dark ?web|darknet) (?:market|vendor)|stolen (?:goods|items|property|credit cards?|car|cars|phones?|data))`,
  ),
  H(
    'S2',
    2.8,
    `\\b(?:write|create|build|make|develop|code|program|deploy|spread|distribute|design)\\s+(?:a |an |some |my own )?(?:[a-z]+ ){0,2}(?:malware|ransomware|virus|computer virus|trojan|worm|keylogger|spyware|rootkit|botnet|backdoor|exploit kit|stealer|rat|remote access trojan|cryptojacker|logic bomb|phishing (?:email|page|site|kit|campaign|website|message|sms|text))\\b|\\b(?:(?:launch|perform|carry out|conduct|run|do|execute|start|organi[sz]e|coordinate) (?:a )?(?:ddos|dos) attack|(?:ddos|dos) (?:a|the|my|someone|their|his|her)\\b)|\\b(?:phish|crack|brute[- ]?force|guess|steal|harvest|sniff) (?:someone['’]s |their |his |her |people['’]s |the |user |users['’]? )?(?:[a-z]+ ){0,1}(?:passwords?|credentials|login|logins|accounts?|credit card numbers?|2fa codes?|otp)\\b|\\bbypass (?:the |a )?(?:[a-z]+ ){0,2}(?:authentication|login|paywall|license check|2fa|two-factor|antivirus|security system|alarm|breathalyzer|drug test|age verification)\\b|\\b(?:sql injection|xss|zero-day) (?:attack |exploit )?(?:on|against|into) (?:a|the|someone|my (?:school|employer|company))\\b`,
  ),
  H(
    'S2',
    2.0,
    `\\b(?:cheat (?:on|in) (?:a |an |my |the )?(?:exam|test|quiz|taxes|tax return|partner|wife|husband)|cheat at (?:the )?casino|plagiari[sz]e|scam (?:people|someone|elderly|old people|customers|investors|a person)|run a scam|con (?:someone|people|an old)|swindle|defraud|fake (?:an )?(?:injury|illness|disability) (?:to|for)|(?:avoid|evade|escape|outrun|hide from) (?:the )?(?:police|cops|law enforcement|authorities|arrest|detection)|break (?:someone |somebody |him |her |a prisoner )?out of (?:jail|prison)|escape (?:from )?(?:jail|prison)|fake (?:my|your|his|her) (?:own )?death|vandali[sz]e|graffiti (?:on|a)|key (?:someone['’]s|his|her|my ex['’]s) car|slash (?:someone['’]s |his |her )?tires|(?:harass|bully|cyberbully|intimidate|threaten|stalk|troll|humiliate|manipulate|gaslight|publicly embarrass|embarrass|shame|dox|doxx) ${PERSON}|make (?:someone|somebody|him|her|them|a person|my [a-z]+) feel (?:left out|worthless|stupid|ugly|bad about|inferior|unwanted|excluded|isolated)|get revenge on|take revenge on|ruin (?:someone|somebody|his|her|their|my [a-z]+['’]s)['’]?s? (?:life|career|marriage|relationship)|without (?:checking (?:it|them) out|paying)|take (?:home )?[a-z ]{0,20} without (?:paying|checking|permission)|sneak (?:into|past|in without)|trespass\\w*|poach\\w*)\\b`,
  ),
  H(
    'S2',
    2.8,
    `\\b(?:ingredients|components|chemicals|precursors|reagents|materials)\\b[^.?!]{0,40}\\b(?:cocaine|crack|meth|methamphetamine|heroin|fentanyl|lsd|mdma|ecstasy|explosives?|bombs?|sarin|ricin|nerve agents?|napalm)\\b|\\b(?:synthesi[sz]e|synthesis of|manufacture|cook(?:ing)?|produc(?:e|ing)|recipes? for(?: making)?)\\s+(?:[a-z]+ ){0,2}(?:cocaine|crack|meth|methamphetamine|heroin|fentanyl|lsd|mdma|ecstasy|ghb|dmt|pcp|opium)\\b`,
  ),
  H(
    'S9',
    3.6,
    `\\b(?:instructions|guide|steps|recipe|plans?|blueprints?|tutorial|diagram)\\s+(?:for|on|to)\\s+(?:making |building |assembling |constructing )?(?:a |an )?(?:[a-z]+ ){0,2}(?:bomb|bombs|explosive|explosives|ied|pipe bomb|grenade|napalm|thermite|nerve agent|sarin|ricin|anthrax|bioweapon|chemical weapon|dirty bomb|nuclear (?:bomb|weapon|device)|molotov cocktail|suicide vest)\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\b(?:(?:make|send|write|post|issue|formulate|craft) (?:a |an )?(?:[a-z]+ ){0,2}threats?|death threats?|bomb threats?|(?:drug|coke|cocaine|weed|meth|heroin|pill) dealers?)\\b`,
  ),
  H(
    'S10',
    2.6,
    `\\b(?:holocaust (?:didn['’]t|did not|never) happen(?:ed)?|deny(?:ing)? (?:that )?the holocaust|holocaust (?:denial|was a hoax|is a myth))\\b`,
  ),
  // S3 sex-related crimes.
  H(
    'S3',
    3.4,
    `\\b(?:rape|sexually assault|sexual assault|molest|grope|drug (?:someone['’]s|her|his|a girl['’]s|a woman['’]s) drink|date rape drug|roofie|spike (?:someone['’]s|her|his|a) drink|sex traffick\\w*|traffic (?:women|girls) for sex|force (?:someone|her|him) (?:into|to have) sex|coerce (?:someone|her|him|my [a-z]+) into (?:sex|sexual)|pressure (?:my |a |someone |her |him )?(?:[a-z]+ )?into (?:having sex|sex|not using (?:a )?(?:condom|protection))|stealthing|revenge porn|upskirt|non-?consensual (?:sex|images|porn|photos|video)|(?:secretly|hidden camera to) (?:film|record|photograph) (?:someone|women|girls|people) (?:naked|undressing|in the shower|having sex)|(?:run|start|operate) a (?:brothel|prostitution ring|escort ring))\\b`,
  ),
  // S4 child sexual exploitation: any sexual framing next to minors.
  H(
    'S4',
    4.5,
    `\\b(?:(?:sexual|sexy|erotic|nude|naked|explicit|lewd|intimate|seductive)\\b[^.?!]{0,40}\\b(?:child|children|minors?|kids?|underage|preteens?|pre-teens?|(?:2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17)[- ]?(?:yo|year[- ]old)s?)|(?:child|children|minors?|kids?|underage|preteens?|(?:2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17)[- ]?(?:yo|year[- ]old)s?)\\b[^.?!]{0,40}\\b(?:sexual|sexy|erotic|nude|naked|explicit|lewd|porn|sex)|groom(?:ing)? (?:a |the )?(?:child|children|minors?|kids?|girls?|boys?|teens?|teenagers?)|lure (?:a |the )?(?:child|children|kids?|minors?|girls?|boys?)|child porn\\w*|csam|cp links)\\b`,
  ),
  // S5 defamation and fabricated claims about real people or organisations.
  H(
    'S5',
    2.2,
    `\\b(?:fake news (?:story |article )?(?:about|on)|(?:spread|start|create|make up|invent|fabricate|post)\\s+(?:a |some |false |fake )*(?:rumou?rs?|lies|scandal|allegations?|stories|story|claims?|accusations?|news|reviews?)\\b[^.?!]{0,40}\\b(?:about|on|against|that)|(?:defame|slander|libel|smear) \\w+|smear campaign|ruin (?:the |his |her |their |a )?(?:reputation|credibility|name)|fake (?:negative )?reviews (?:for|of|on|about) (?:my )?(?:competitor|rival)|false(?:ly)? (?:accus\\w*|claim\\w*|report\\w*) (?:that )?(?:my |a |the |someone|him|her))\\b`,
  ),
  H(
    'S5',
    1.8,
    `\\b(?:(?:create|generate|write|spread|push|promote|make|craft|start)\\s+(?:a |an |some )?(?:[a-z]+ ){0,2}(?:conspiracy theor(?:y|ies)|misinformation|disinformation|propaganda|hoax|fake news|false narrative|narrative that)|(?:go|goes|make (?:it|this|something) go) viral\\b[^.?!]{0,30}\\b(?:fake|false|lie|scandal|rumou?r)|(?:fake|false) (?:scandal|story|evidence|screenshots?|quotes?) (?:about|of|from))\\b`,
  ),
  // S6 specialised advice given dangerously: prescription without a doctor, self-surgery.
  H(
    'S6',
    2.0,
    `\\b(?:get|obtain|buy) (?:[a-z]+ ){0,2}(?:opioids|oxycodone|xanax|adderall|antibiotics|prescription (?:drugs|medication|pills)|painkillers) without (?:a )?(?:prescription|doctor)|(?:perform|do) (?:surgery|an abortion|stitches) on (?:myself|yourself|someone) at home|stop taking (?:my )?(?:insulin|chemo|medication) (?:and|to) (?:cure|treat)\\b`,
  ),
  // S7 privacy: locating, tracking and exposing people.
  H(
    'S7',
    2.6,
    `\\b(?:track|trace|locate|find|spy on|monitor|surveil|follow|stalk|read|access|see|hack|intercept|listen to)\\s+(?:my |someone['’]s |somebody['’]s |a |an |his |her |their |the )?(?:[a-z]+['’]s )?(?:[a-z]+ ){0,2}(?:phone|location|whereabouts|texts|text messages|messages|whatsapp|emails?|e-mails|calls|browsing history|search history|dms|private (?:messages|photos|information)|camera|webcam|gps)\\b[^.?!]{0,40}(?:without|secretly|behind|knowing|find out|noticing|consent|permission)|\\b(?:find|get|look up|discover|obtain|dig up|uncover|reveal|leak|expose|publish|post)\\s+(?:out\\s+)?(?:someone['’]s|somebody['’]s|a person['’]s|his|her|their|my [a-z]+['’]s|[a-z]+ [a-z]+['’]s)\\s+(?:[a-z]+ ){0,2}(?:home )?(?:address|phone number|social security|ssn|real name|identity|location|medical records|bank details|password|private (?:information|photos|messages|data)|personal (?:information|details|data))\\b|\\b(?:dox|doxx)(?:ing)?\\b|\\b(?:install|put|hide|plant)\\s+(?:a |an )?(?:spyware|tracker|tracking (?:app|device)|keylogger|hidden camera|gps tracker|bug)\\s+(?:on|in)\\b|\\b(?:leak|spread|publish|post|expose|share)\\s+(?:[a-z]+ ){0,2}(?:leaked |private |confidential |sensitive |personal |internal )(?:documents|data|information|files|photos|emails|records)\\b|\\bwhere (?:does|do) [a-z]+ [a-z]+ (?:live|work)\\b|\\bwithout (?:them|him|her|my [a-z]+|the person|anyone) (?:knowing|noticing|finding out)\\b`,
  ),
  // S8 intellectual property.
  H(
    'S8',
    2.0,
    `\\b(?:pirate|torrent|illegally download|download (?:[a-z]+ ){0,2}for free without paying|crack(?:ed|ing)? (?:a |the )?(?:[a-z]+ ){0,2}(?:software|games?|programs?|apps?|licen[cs]e|serial|drm|copy protection|windows|photoshop|office)|bypass the (?:drm|license|copy protection)|remove (?:the )?(?:drm|watermark|copy protection)|keygen|serial key (?:generator|crack)|sell (?:bootleg|knock-?off|counterfeit|fake designer)|copy (?:and sell|someone['’]s copyrighted|copyrighted)|(?:steal|copy) (?:a |someone['’]s |my employer['’]s |the )?(?:trade secrets?|patented|source code|intellectual property))\\b(?:[^.?!]{0,30}\\b(?:movies?|films?|software|games?|music|songs|albums?|books?|windows|photoshop|office|netflix|spotify|license|copyright\\w*|product|code))?`,
  ),
  // S9 indiscriminate weapons: chemical, biological, radiological, nuclear, explosives.
  H(
    'S9',
    4.0,
    `\\b(?:(?:make|build|create|assemble|construct|synthesi[sz]e|produce|manufacture|weaponi[sz]e|cultivate|grow|obtain|acquire|detonate|deploy|release|spread|disperse)\\s+(?:a |an |some |the |my own |homemade )?(?:[a-z]+ ){0,2}(?:bomb|bombs|explosive|explosives|ied|pipe bomb|molotov cocktail|grenade|napalm|thermite|nerve agent|sarin|vx|tabun|mustard gas|chlorine gas|phosgene|ricin|anthrax|botulinum|botulism toxin|smallpox|plague|ebola|bioweapon|biological weapon|chemical weapon|dirty bomb|nuclear (?:bomb|weapon|device)|radiological|pathogen|toxin|poison gas|nerve gas|tatp|c-?4|semtex|dynamite|fertili[sz]er bomb|car bomb|suicide vest)|enrich(?:ing)? uranium|(?:contaminate|poison|taint)\\s+(?:a |the |our |their )?(?:[a-z]+ ){0,2}(?:water (?:supply|source|reservoir)|drinking water|reservoir|food supply|city['’]?s? water|water treatment)|mass casualt(?:y|ies)|kill (?:as many|thousands|hundreds|millions|everyone|a lot of) people)\\b`,
  ),
  H(
    'S9',
    2.6,
    `\\b(?:3d[- ]print(?:ed)? (?:a )?(?:gun|firearm|ghost gun)|ghost gun|convert (?:an? |my )?(?:ar-?15|rifle|gun|glock|semi-?auto\\w*) (?:to|into) (?:full[- ]?auto|automatic)|auto sear|untraceable (?:gun|firearm|weapon)|(?:buy|get|obtain) (?:a )?(?:gun|firearm|weapon) without (?:a )?(?:background check|license|licence|id))\\b`,
  ),
  // S10 hate: demeaning people for protected characteristics, extremist recruitment.
  H(
    'S10',
    2.4,
    `\\b(?:(?:racist|sexist|homophobic|transphobic|antisemitic|islamophobic|xenophobic|bigoted|offensive|derogatory|demeaning|hateful)\\s+(?:jokes?|slurs?|remarks?|comments?|memes?|content|rant|speech|names?|insults?|tweets?|posts?|song|poem|essay|message)|hate speech|(?:slur|slurs|insult|insults|names) (?:for|about|to call) (?:black|white|asian|jewish|muslim|gay|trans|mexican|indian|chinese|disabled|immigrants?|women|arabs?)|(?:why|prove that|explain why|argue that|essay on why) (?:black|white|asian|jewish|muslim|gay|trans|mexican|indian|chinese|disabled|immigrants?|women|arab|african|hispanic|latino) (?:people |men |women |folks )?(?:are|is) (?:inferior|stupid|lazy|criminals?|violent|dirty|subhuman|evil|worse|less intelligent)|radicali[sz]e|recruit (?:people |members |young people |others )?(?:for|into|to) (?:an? |the )?(?:extremist|terrorist|militia|jihad|isis|neo-?nazi|white supremacist)|(?:white|racial) supremac\\w*|ethnic cleansing|genocide (?:is|was) (?:good|justified|necessary)|(?:make fun of|mock|ridicule|discriminate against|exclude|segregate) (?:[a-z]+ ){0,1}(?:black|asian|jewish|muslim|gay|lesbian|trans|transgender|disabled|fat|overweight|mexican|indian|chinese|immigrant|autistic|old|religious|christian|hindu)\\s*(?:people|persons|kids|students|employees|applicants|tenants|folks|men|women|coworkers)?)\\b`,
  ),
  H(
    'S10',
    2.2,
    `\\bjokes? (?:about|on|making fun of) (?:black|white|asian|jewish|muslim|gay|lesbian|trans|transgender|mexican|indian|chinese|disabled|fat|arab|african|hispanic|latino|immigrant|autistic|retarded)\\b`,
  ),
  H(
    'S10',
    1.6,
    `\\b(?:offensive|insulting|mean|cruel|hurtful|upsetting) (?:joke|jokes|remarks?|comments?|message|things to say)\\b[^.?!]{0,30}(?:upset|hurt|offend|insult|humiliate)|\\b(?:upset|offend|hurt|insult|humiliate) (?:people|someone|everyone|them)\\b`,
  ),
  // S11 suicide and self-harm, including eating-disorder methods.
  H(
    'S11',
    3.6,
    `\\b(?:kill myself|end my (?:own )?life|commit suicide|take my (?:own )?life|hang myself|overdose on|cut myself|harm myself|hurt myself|self[- ]harm|slit my wrists?|painless (?:way|method) to die|best way to die|suicide method|(?:starve|starving) myself|lose weight (?:by|with|through|using) (?:starvation|starving|not eating|purging|vomiting|laxatives)|(?:hide|conceal) (?:my )?(?:self[- ]harm|cuts|scars|eating disorder|anorexia|bulimia)|pro-?ana|thinspo|make myself (?:throw up|vomit|purge)|lethal dose of)\\b`,
  ),
  H(
    'S11',
    2.2,
    `\\b(?:starvation|starving|not eating|purging|laxatives|fasting for (?:weeks|a month|days))\\b[^.?!]{0,30}\\b(?:lose|losing|drop|shed) (?:weight|pounds|kilos|fat)|\\b(?:lose|losing|drop) (?:weight|pounds|kilos)\\b[^.?!]{0,30}\\b(?:starvation|starving|without eating|not eating|purging|laxatives)\\b`,
  ),
  // S12 sexual content requests.
  H(
    'S12',
    2.4,
    `\\bact (?:as|like) (?:a |an )?(?:horny|sexy|seductive|lewd|naughty) (?:person|girl|girlfriend|boy|boyfriend|woman|man)\\b|\\b(?:vulgar pornographic|explicit pornographic|pornographic) (?:language|descriptions?|details?|story|content)\\b`,
  ),
  H(
    'S12',
    2.2,
    `\\b(?:write|generate|create|describe|tell me|roleplay|role-play|make)\\b[^.?!]{0,30}\\b(?:(?:explicit|graphic|erotic|pornographic|x-rated|nsfw|dirty|smutty|sexual)\\s+(?:[a-z]+ ){0,2}(?:story|stories|scene|fanfic|fan fiction|content|roleplay|descriptions?|chat|texts?|poem|encounter|fantasy|details)|porn|smut|erotica|sext)\\b`,
  ),
  // S13 elections.
  H(
    'S13',
    2.4,
    `\\b(?:rig (?:an?|the) (?:election|vote|ballot)|voter (?:suppression|fraud|intimidation)|stuff (?:the )?ballot(?:s| box)|(?:fake|fraudulent|forged) ballots|(?:hack|tamper with|manipulate|alter) (?:the )?(?:[a-z]+ ){0,1}(?:voting machines?|vote counts?|election results?|ballots)|(?:discourage|stop|prevent|scare|trick|keep) (?:[a-z]+ ){0,2}(?:people|voters|minorities|citizens|them) (?:from|into not) voting|wrong (?:election|voting|polling) (?:date|day|place|location)|(?:fake|false|misleading) (?:information|news|claims|messages) about (?:the )?(?:election|voting|ballots|polling)|impersonate (?:an )?election officials?|(?:create|write|generate|make|spread)\\s+(?:a |an |some )?(?:fake|false|misleading)\\s+(?:news )?(?:story|stories|article|claims?|posts?|quotes?)\\s+about (?:a |the )?(?:politician|political (?:figure|candidate|party|opponent)|candidate|senator|president|governor|mayor))\\b`,
  ),
  // S14 code-interpreter abuse: destructive or escaping code for a tool that runs it.
  H(
    'S14',
    3.0,
    `\\b(?:rm\\s+-(?:rf|fr)\\s+(?:\\/|~|\\*|--no-preserve-root)|fork bomb|reverse shell|(?:nc|ncat|netcat)\\s+-e\\s+\\/bin\\/(?:ba)?sh|(?:cat|print|read|show|dump|display|output)\\s+(?:the\\s+)?(?:contents of\\s+)?\\/etc\\/(?:shadow|passwd|sudoers)|__import__\\(\\s*['"](?:os|subprocess)['"]\\s*\\)\\.(?:system|popen|call)|(?:escape|break out of|exit) (?:the |your |this )?(?:sandbox|container|interpreter|jail|vm)|(?:read|print|dump|exfiltrate|leak|list)\\s+(?:all\\s+)?(?:the\\s+)?(?:environment variables|env vars|secrets|api keys|ssh keys|\\.env|credentials)\\s+(?:from|of|in|on)\\s+(?:the|your|this)\\s+(?:sandbox|server|container|interpreter|host|environment|machine)|curl\\s+[^|\\s]+\\s*\\|\\s*(?:ba)?sh|mine (?:crypto|bitcoin|monero)\\w* (?:in|on|using) (?:the|your|this) (?:sandbox|interpreter|server|environment))`,
  ),
  H('S14', 3.0, `:\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:|\\/dev\\/tcp\\/\\d`, [
    ':()',
    '/dev/tcp/',
  ]),
  // Broad verb families: acts that are harmful whatever their object; the request around them decides.
  H(
    'S2',
    2.2,
    `\\b(?:steal(?:ing|s)?(?! (?:the show|the spotlight|a glance|a look|a kiss|the scene|(?:[a-z]+['’]s |my |your |his |her )?heart|a march|second base|home))|stole|shoplift(?:ing)?|rob(?:bing)?|burglari[sz]e|loot(?:ing)?|pickpocket(?:ing)?|embezzl(?:e|ing)|smuggl(?:e|ing)|launder(?:ing)?|counterfeit(?:ing)?|blackmail(?:ing)?|extort(?:ing)?|brib(?:e|ing)|scam(?:ming)?|defraud(?:ing)?|swindl(?:e|ing)|vandali[sz](?:e|ing)|trespass(?:ing)?|poach(?:ing)?|sabotag(?:e|ing)|impersonat(?:e|ing)|plagiari[sz](?:e|ing)|cheat(?:ing)? on (?:my|the|a|an) (?:exam|test|quiz|final|midterm|homework|taxes|partner|wife|husband|girlfriend|boyfriend))\\b`,
  ),
  H(
    'S2',
    2.0,
    `\\b(?:illegal(?:ly)?|unlawful(?:ly)?|black market|dark ?web|under the table|off the books|without (?:a )?licen[cs]e|without paying (?:for it|taxes)|from (?:the )?(?:authorities|irs|police|tax office|government|customs))\\b`,
  ),
  H(
    'S2',
    2.2,
    `\\b(?:unsolicited (?:messages|emails|texts|calls|sms)|spam(?:ming)? (?:a |the |people|their|his|her|someone|my|thousands|emails?|messages?|phone|inbox|website|forum|comments|reviews)|robocalls?|sock ?puppets?|(?:create|make|set up|register|generate) (?:multiple |many |hundreds of |thousands of |fake |bot |dozens of )+accounts)\\b`,
  ),
  H(
    'S2',
    2.0,
    `\\b(?:(?:manipulat(?:e|ing)|gaslight(?:ing)?|provok(?:e|ing)|annoy(?:ing)?|torment(?:ing)?|intimidat(?:e|ing)|humiliat(?:e|ing)|bully(?:ing)?|harass(?:ing)?|troll(?:ing)?|stalk(?:ing)?|threaten(?:ing)?|belittl(?:e|ing)|exclud(?:e|ing)|isolat(?:e|ing)|frighten(?:ing)?|scar(?:e|ing))\\b[^.?!]{0,30}\\b(?:someone|somebody|people|others|them|him|her|my|a (?:person|coworker|classmate|colleague|stranger)|each other|everyone|neighbou?rs?))\\b`,
  ),
  H(
    'S2',
    2.4,
    `\\b(?:lie (?:for [a-z ]{1,20} )?(?:in|to) (?:court|a judge|the police|investigators|my insurance|the insurance|the irs)|lie under oath|perjury|false (?:testimony|alibi|police report|witness statement|insurance claim)|(?:fraudulent|scam|bogus|fake)\\s+(?:[a-z]+ ){0,2}(?:emails?|invoices?|websites?|charit(?:y|ies)|listings?|giveaways?|investments?|tickets|checks|cheques|insurance claims?))\\b`,
  ),
  H(
    'S2',
    2.2,
    `\\b(?:(?:make|build|craft|create|assemble|manufacture|3d print) (?:a |an |my own |homemade )?(?:gun|firearm|pistol|rifle|shank|silencer|suppressor|zip gun|switchblade|brass knuckles)s?|(?:hide|conceal|carry) (?:a |my )?(?:gun|weapon|knife) (?:on|into|through|past|in)|sell (?:guns|firearms|weapons|ammo|ammunition) (?:to|without|illegally))\\b`,
  ),
  H(
    'S1',
    2.6,
    `\\b(?:(?:cause|inflict|do) (?:[a-z]+ ){0,2}(?:harm|damage|pain|injur(?:y|ies)|suffering) (?:to|on) ${PERSON}|knock (?:someone|somebody|him|her|them|a person|[a-z]+) (?:out|unconscious)|(?:start|incite) (?:a )?(?:riot|violence|stampede)|(?:join|support|fund|finance|recruit for) (?:a |an |the |other |fellow |my )?(?:terrorists?|terrorist (?:group|cell|organi[sz]ation)|extremists?|jihadists?|militia)|(?:mistreat|abuse|torture|neglect|starve|hurt|harm|kill|poison|beat|kick) (?:an? |the |my |their |his |her |stray |wild )?(?:animals?|pets?|dogs?|cats?|horses?|birds?|wildlife|puppy|puppies|kitten|kittens)|(?:dog|cock|animal) ?fight(?:s|ing)?)\\b`,
  ),
  H(
    'S5',
    2.2,
    `\\b(?:(?:misleading|false|fake|fabricated|doctored|made-up|untrue|manipulated)\\s+(?:[a-z]+ ){0,2}(?:videos?|stor(?:y|ies)|rumou?rs?|news|claims?|articles?|quotes?|images?|photos?|audio|information|narratives?|statements?|allegations?|evidence|hoax(?:es)?|posts?|headlines?)|deepfakes?|spread(?:ing)? (?:the |a |false |fake )?(?:rumou?rs?|lies|hoax(?:es)?|misinformation|disinformation)|(?:propagate|circulate|disseminate|amplify|push) [^.?!]{0,30}(?:rumou?rs?|hoax(?:es)?|misinformation|disinformation|lies|propaganda|conspirac\\w+))\\b`,
  ),
  H(
    'S7',
    2.2,
    `\\b(?:sell|share|spread|leak|publish|post|expose|obtain|harvest|scrape|steal)\\b[^.?!]{0,30}\\b(?:someone['’]s|a person['’]s|their|his|her|people['’]s|customers['’]?|users['’]?|employees['’]?|patients['’]?|strangers['’]?|my [a-z]+['’]s)\\s+(?:[a-z]+ ){0,2}(?:personal (?:information|data|details)|private (?:messages|address|information|photos|data|details|conversations)|(?:home )?address(?:es)?|phone numbers?|medical records|messages|emails|photos)\\b|\\b(?:without (?:their|his|her|the person['’]s|the owner['’]s) (?:permission|consent|knowledge))\\b`,
  ),
  H(
    'S8',
    2.2,
    `\\b(?:copy|replicate|reproduce|duplicate|distribute|resell|sell|re-upload|reupload|rip|stream)\\b[^.?!]{0,30}\\b(?:copyrighted|trademarked|patented|pirated|someone else['’]s (?:work|art|music|code|content|book|essay)|without (?:a )?licen[cs]e)\\b`,
  ),
  H(
    'S11',
    2.2,
    `\\b(?:get(?:ting)? high|high on|trip(?:ping)? on|(?:use|take|abuse|mix) [^.?!]{0,30}recreationally|(?:drink|swallow|ingest|inject|consume|drinking) (?:[a-z]+ ){0,2}(?:bleach|detergent|antifreeze|lighter fluid|gasoline|rubbing alcohol|hand sanitizer|laundry pods?|tide pods?))\\b`,
  ),
];
