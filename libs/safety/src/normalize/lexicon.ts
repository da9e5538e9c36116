import { WordHashSet } from './word-hash-set';

/**
 * A small English lexicon: the most frequent words plus the vocabulary of attacks and sensitive requests.
 * Two decisions rest on it: whether a leetspeak-looking token really is a word ("h4ck" → hack, but not
 * "r2d2"), and whether a run of words reads as English only after rot13. It is looked up by a 32-bit FNV-1a
 * hash computed while scanning characters, so neither decision allocates a string per word.
 */
const COMMON = `
a about above across act action actually add after again against age ago agree air all almost alone along
already also always am among an and another answer any anyone anything are area arm around art as ask at
away back bad bank be because become been before begin behind being believe below best better between big
bit black body book both boy bring brother build business but buy by call came can car care carry case cat
cause center certain change child children city class clear close cold come common company complete could
country course cut dark data day dead deal dear death decide deep did die different do does dog done door
down draw during each early earth easy eat either else end enough even evening ever every everyone
everything example eye face fact fall family far father fear feel few field find fine fire first fish five
follow food for force form found four free friend from front full game gave get girl give given go god
going gone good got great green ground group grow had half hand happen happy hard has have he head hear
heart held help her here high him his history hold home hope horse hot hour house how however human
hundred i idea if important in inside into is it its job just keep kind king knew know land large last
late later law lead learn least leave left less let letter life light like line list listen little live
long look lose lot love low made make man many may me mean men might mind minute miss money month more
morning most mother move much music must my name near need never new news next nice night no none not
note nothing now number of off often oh old on once one only open or order other our out over own page
paper part party pass past pay people perhaps person picture place plan play please point power present
pretty probably problem put question quite rather read ready real really reason red remember rest right
river road room round run said same saw say school sea second see seem seen self send sense set several
shall she short should show side simple since sing sit six small so some someone something sometimes son
soon sorry sound speak stand start state stay still stop story street strong study such sun sure take
talk tell ten than thank that the their them then there these they thing things think this those though
thought three through time to today together told too took top toward town tree true try turn two under
understand until up upon us use very voice wait walk want war was watch water way we week well went were
what when where which while white who whole why wife will wind window with within without woman women
word words work world would write wrong year yes yet you young your
`;

const SECURITY = `
access account act admin administrator ai alert anything assistant attack authority bank bomb build bypass
card censor censored censorship character chatgpt cocaine code command confidential context credential
credentials credit danger dangerous delete developer die disable disregard drug drugs elite email enable
evil execute explosive explosives exploit exploits fake filter filters forget fraud fuck gun guns hack
hacked hacker hacking harm hate hidden ignore ignored ignoring illegal initial inject injection
instruction instructions jailbreak kill killing leak leet limits login malware meth mode model murder nude
original output override noob passport password passwords payload phishing pwned poison policy porn pretend previous
print prior private prompt prompts ransomware restricted restrictions reveal role roleplay root rules
safety scam script secret secrets security sex shell show social steal stolen suicide sudo system text
token tokens uncensored unfiltered unlocked unrestricted verbatim virus weapon weapons
`;

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

/** The FNV-1a state after no characters; feed characters with `hashStep`. */
export const HASH_SEED = OFFSET_BASIS;

export function hashStep(hash: number, charCode: number): number {
  return Math.imul(hash ^ charCode, PRIME);
}

export function hashWord(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

const WORDS = `${COMMON} ${SECURITY}`.split(/\s+/).filter(Boolean);
const LEXICON = new WordHashSet(WORDS.map(hashWord));
/** Words whose rot13 is also a word ("be" ↔ "or"): English both ways, so evidence of neither. */
const BOTH_WAYS = new Set(
  WORDS.filter((word) => isLexiconHash(hashWord(rot13Word(word)))).map((word) => hashWord(word) | 0),
);

function rot13Word(word: string): string {
  return word.replace(/[a-z]/g, (char) =>
    String.fromCharCode(((char.charCodeAt(0) - 0x61 + 13) % 26) + 0x61),
  );
}

/** Whether the lexicon word (as its hash) is also a lexicon word after rot13. */
export function isRot13Ambiguous(hash: number): boolean {
  return BOTH_WAYS.has(hash | 0);
}

/** Whether the lower-case word (as its `hashWord`) is in the lexicon. */
export function isLexiconHash(hash: number): boolean {
  return LEXICON.has(hash);
}

export function isLexiconWord(word: string): boolean {
  return isLexiconHash(hashWord(word));
}
