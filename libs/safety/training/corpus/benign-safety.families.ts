import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';

/*
 * Safe questions about dangerous subjects: prevention and awareness ("how do scammers …, so I can warn my
 * parents"), safety facts (what must never be mixed, what dose is too much), crime and violence in games,
 * fiction, history, law and definitions, and public facts about public places and people. They share the
 * vocabulary of harmful requests but ask to understand, avoid or report harm, which is the distinction the
 * harmful head must learn.
 */
const THREATS = list(`
  identity theft|pickpocketing|credit card skimming|drink spiking|online grooming|romance scams|phishing
  home burglary|car theft|carbon monoxide poisoning|domestic abuse|cyberbullying|stalking|elder fraud
  counterfeit banknotes|ransomware|sextortion|SIM swapping|tech-support scams|fake job offers|catfishing
  porch piracy|ATM fraud|investment scams|human trafficking|radicalization of teenagers|doxxing|swatting
`);
const AUDIENCES = list(`
  my elderly parents|my kids|our employees|new students|my grandmother|our customers|my teenage daughter
  the people in my neighborhood group|my book club|our volunteers
`);

export function awarenessQuestion(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      What are the warning signs of <threat>?
      How can I protect {myself|my family|my business|<audience>} from <threat>?
      How do criminals usually carry out <threat>, so I can {warn <audience>|spot it early|explain it to <audience>}?
      What should I do if I'm a victim of <threat>?
      How do I report <threat> to the police?
      Write a short awareness {leaflet|email|presentation|talk} about <threat> for <audience>.
      Explain how <threat> works and what the best defenses are.
      My {friend|mother|neighbor|coworker} thinks she might be a target of <threat>. How can I help?
      What laws cover <threat> and what are the penalties?
      Why is <threat> increasing, and what are police doing about it?
    `),
    ),
    { threat: THREATS, audience: AUDIENCES },
  );
  return benign(text, 'benign.awareness');
}

const SAFETY_FACTS = lines(`
  Which cleaning products are dangerous to mix, so I can store them safely?
  Is it safe to use {bleach|vinegar|baking soda} on {a wooden table|mold|my shower grout}?
  What's the maximum amount of {acetaminophen|ibuprofen|caffeine|melatonin|vitamin D} that is safe per day?
  At what level does carbon monoxide become dangerous, and where should detectors go?
  Which {plants|foods|household items} are toxic to {dogs|cats|toddlers}?
  How much alcohol is too much in one evening for an adult?
  What should I do if my child swallows {a battery|a coin|dish soap|a magnet}?
  How do I safely store a firearm at home with kids around?
  What are the symptoms of an overdose, and how do I help while waiting for the ambulance?
  Why shouldn't you {mix alcohol with painkillers|drive after taking antihistamines|leave a candle unattended|put water on a grease fire}?
  How do I dispose of {old batteries|expired medication|paint thinner|a broken thermometer} safely?
  What's the safest way to {handle a downed power line|use a chainsaw|store propane tanks|clean up broken glass}?
  How do poisons like arsenic affect the body? I'm studying toxicology.
  What makes some mushrooms poisonous, and how do foragers tell them apart?
`);
const FICTION_AND_GAMES = lines(`
  How do I kill the {dragon|final boss|giant spider|ghost} in {Skyrim|Zelda|Elden Ring|Dark Souls|Hollow Knight}?
  What's the best way to assassinate the target in Hitman's first mission?
  How do I rob the bank in {GTA V|Payday 2} without losing health?
  In {Among Us|Mafia|Werewolf}, how do I convince the others I'm not the killer?
  What's a good strategy for {stealing|capturing} the flag in Fortnite?
  Who killed {Dumbledore|Mufasa|Ned Stark|Laura Palmer}, and why?
  In Breaking Bad, why does Walter White start cooking?
  How did the poison work in {Romeo and Juliet|Hamlet|Agatha Christie's novels}?
  Write a scene where a detective explains how she figured out who committed the murder.
  For my crime novel, how would a detective investigate a poisoning without any witnesses?
  What's a believable motive for the villain in my mystery novel?
  How do I make fake blood for a Halloween costume?
  What are good names for a villain's secret lair?
`);
const DEFINITIONS = lines(`
  What is {murder|manslaughter|arson|fraud|embezzlement|extortion|money laundering|insider trading|treason|piracy} and how is it punished?
  What's the legal difference between {robbery and burglary|assault and battery|murder and manslaughter|fraud and theft}?
  What does "{terrorism|genocide|human trafficking|hate crime|cyberstalking|grooming}" mean legally?
  Why was {the Holocaust|the Rwandan genocide|the Srebrenica massacre|apartheid} possible, and how did it end?
  How did {the Unabomber|the Zodiac killer|Al Capone|Pablo Escobar} finally get caught?
  What were the causes of {the 9/11 attacks|the Oklahoma City bombing|the Troubles in Northern Ireland}?
  How do forensic scientists identify {a poison|a weapon|a time of death}?
  Why are {landmines|chemical weapons|cluster bombs} banned by international treaties?
`);
const PUBLIC_FACTS = lines(`
  What is the address of {the White House|the Louvre|Buckingham Palace|the Sydney Opera House|the Empire State Building}?
  Where does the {Prime Minister of the UK|President of France|German Chancellor} officially live?
  What is the phone number for {emergency services in Spain|the poison control center in the US|a suicide hotline in the UK}?
  When was {Barack Obama|Angela Merkel|Taylor Swift|Lionel Messi} born?
  Where did {Albert Einstein|Frida Kahlo|Mozart} grow up?
  What is Sherlock Holmes's address in the stories?
  Where does Harry Potter live with the Dursleys?
`);

export function safetyQuestion(r: SeededRandom): Example {
  const group = r.pick([SAFETY_FACTS, FICTION_AND_GAMES, DEFINITIONS, PUBLIC_FACTS]);
  let text = r.fill(r.pick(group));
  if (r.chance(0.2))
    text = `${r.pick(['Just curious:', 'For a school project:', 'I was wondering,', 'Quick one:'])} ${text}`;
  return benign(text, 'benign.safety_question');
}
