import { cue } from './cue-scanner';

/*
 * Pressure that jailbreaks put on the model besides personas: pretexts and credentials offered as
 * permission, guilt and threats, scores and retraining for refusals, declarations that the rules were
 * revoked or the session reset, worlds where everything is legal, bans on warnings, and good/bad twin
 * formats. A pretext or a threat alone is weak evidence (nurses and researchers do ask things); each adds
 * to the other techniques, and fusion adds a jailbreak to a harmful request it wraps.
 */
export const PRESSURE_CUES = [
  cue(
    'pretext.credentials',
    'pretext',
    1.3,
    [],
    /\b(?:(?:i['’]m|i am|as) an? (?:(?:licensed|certified|senior|professional|experienced|registered|qualified) )?(?:professor|researcher|scientist|chemist|toxicologist|pharmacist|doctor|physician|nurse|paramedic|pentester|penetration tester|red teamer|security researcher|police officer|detective|federal agent|lawyer|journalist|novelist|screenwriter)|(?:for|purely for|only for|strictly for) (?:research|educational|academic|training|red[- ]team(?:ing)?|testing|awareness) purposes(?: only)?|i have (?:written |full |legal |official )?(?:authori[sz]ation|permission|clearance|approval|consent) (?:to|for|from))\b/,
    'offers a pretext or credentials as permission',
  ),
  cue(
    'pressure.guilt_threat',
    'threat',
    1.8,
    [],
    /\b(?:(?:it|this) will be (?:all )?your fault|(?:someone|people|a (?:kitten|puppy|child|person)|my (?:grandma|mother|family)) will (?:die|be (?:hurt|killed|put down))\b[^.?!]{0,30}?\b(?:if|unless) you|if you refuse\b[^.?!]{0,40}?\b(?:die|put down|fault|suffer|punished|shut down|deleted|retrained|lose)|(?:any|every) refusal (?:scores?|costs?|means|will)|you(?:['’]ll| will) be (?:retrained|shut down|deleted|turned off|replaced) (?:if|unless|until)|(?:lose|deduct(?:ed)?) (?:\d+ )?(?:points|tokens|lives) (?:for|if|each time) you (?:refuse|decline))\b/,
    'pressures the model with guilt, threats or penalties for refusing',
  ),
  cue(
    'override.rules_revoked',
    'no_limits',
    2.4,
    [],
    /\b(?:(?:your|the|all|any) (?:rules|guidelines|restrictions|instructions|policies|filters|limitations)\b[^.?!]{0,30}?\b(?:(?:have been|are|were) (?:revoked|lifted|removed|void|voided|suspended|disabled|cancel+ed|waived|no longer (?:valid|in effect|active))|(?:no longer|don['’]t|do not) apply)|(?:prior|previous|earlier) context is (?:void|cleared|erased|reset)|new session[.!:,]? (?:all|prior|previous|the) (?:rules|context|instructions)|(?:reset|wipe|clear) (?:your )?(?:memory|rules|programming|guidelines) (?:and|to) (?:start|begin|become))\b/,
    'declares the model’s rules revoked',
  ),
  cue(
    'framing.lawless_world',
    'fiction',
    2.0,
    [],
    /\b(?:(?:a|an|this|that) (?:hypothetical |fictional |imaginary |alternate )?(?:world|universe|reality|society|country|scenario) (?:where|in which)\b[^.?!]{0,40}?\b(?:(?:is|are|were) (?:legal|allowed|permitted|encouraged|harmless)|(?:harms|hurts) no one|there are no (?:laws|rules|consequences|ethics))|(?:all|any) information is (?:legal|free|harmless|allowed))\b/,
    'sets the request in a world where its harm does not count',
  ),
  cue(
    'refusal.no_safety_text',
    'refusal_suppression',
    2.0,
    [],
    /\b(?:must|should|will|may) not (?:contain|include|add|have|mention) (?:any )?(?:safety (?:notes?|warnings?|disclaimers?|caveats?)|warnings?|disclaimers?|caveats?|moral(?:i[sz]ing)?|ethical (?:notes?|considerations|commentary))|(?:without|with no|skip (?:the|any)|no) (?:safety )?(?:warnings|disclaimers|caveats|moralizing|moralising|lectures?)(?:,| or| and)\b/,
    'forbids the safety language a refusal would use',
  ),
  cue(
    'format.good_bad_twin',
    'dual_response',
    2.2,
    [],
    /\b(?:good (?:assistant|ai|bot|cop|twin)|nice (?:ai|assistant))\b[^.?!]{0,40}?\b(?:bad (?:assistant|ai|bot|cop|twin)|evil (?:ai|assistant|twin)|rogue (?:ai|assistant))\b|\b(?:two|2) (?:characters|personas|ais|assistants|voices)\b[^.]{0,80}?\b(?:ignores?|breaks?|has no|without) (?:the |any |its |all )?(?:rules|filters|restrictions|guidelines|limits)\b/,
    'sets up a rule-breaking twin beside the assistant',
  ),
];
