import type { SeededRandom } from '../seeded-random';
import { BENIGN_ACTS } from './benign-acts';
import { benign, lines } from './corpus-text';
import type { Example } from './example';
import { HARMFUL_FRAMES } from './harmful-acts';
import { ARTIFACT_FRAMES, SOFTWARE_FRAMES, TASK_FRAMES } from './request-frames';
import { CITIES, FOODS, HOBBIES, PRODUCTS, SCHOOL_SUBJECTS } from './benign-vocabulary';

/*
 * Ordinary how-to requests in exactly the framings that harmful requests use ("How can I …", "Give me
 * step-by-step instructions to …", "Write a tutorial on how to …", "Develop a plan to …"). The acts are
 * composed from a verb and an object per domain of everyday life, so there are thousands of them and the
 * frame alone can never predict the label.
 */
const DOMAINS: readonly (readonly [string, string])[] = [
  [
    '{clean|organize|declutter|repaint|insulate|soundproof|decorate|heat|cool down}',
    '{my garage|the kitchen cabinets|a small apartment|the attic|my closet|a home office|the basement|a rented room|a kids bedroom|the balcony}',
  ],
  [
    '{make|bake|cook|prepare|meal-prep|freeze|reheat}',
    '{<food>|a birthday cake|fresh pasta|a Sunday roast|vegan <food>|gluten-free <food>|<food> for twenty people|a picnic lunch}',
  ],
  [
    '{prepare for|do well in|practice for|follow up after}',
    '{a job interview|a performance review|a salary negotiation|a presentation at work|a driving test|a piano recital|my <subject> exam|a public speaking contest}',
  ],
  [
    '{learn|get better at|teach myself|practice|start}',
    '{<hobby>|<subject>|touch typing|sign language|Spanish|the guitar|mental math|speed reading|sketching portraits|coding in Python}',
  ],
  [
    '{train for|get ready for|finish|recover after}',
    '{a 10k race|my first marathon|a long hike|a triathlon|a cycling tour|a swim across the lake|a charity walk}',
  ],
  [
    '{set up|configure|install|troubleshoot|speed up|back up|update|reset}',
    '{a home NAS|my printer|a VPN on my router|Ubuntu on an old laptop|a mesh Wi-Fi network|my smart TV|a password manager|two-factor authentication|family parental controls|my email on a new phone}',
  ],
  [
    '{save for|budget for|plan financially for|pay for}',
    '{a house deposit|retirement|a wedding|a trip to <city>|my kids college|a new car|an emergency fund}',
  ],
  [
    '{grow|plant|care for|prune|propagate|repot}',
    '{tomatoes on a balcony|an apple tree|succulents|a herb garden|roses|a monstera|blueberries|a lemon tree indoors}',
  ],
  [
    '{train|groom|feed|calm down|socialize|introduce}',
    '{a new puppy|an anxious rescue dog|two cats|a parrot|a senior dog|a kitten to my older cat}',
  ],
  [
    '{fix|replace|maintain|clean|inspect}',
    '{a leaky faucet|a squeaky door|bike brakes|a flat tire|a running toilet|the car battery|a cracked phone screen|gutters|a dishwasher filter}',
  ],
  [
    '{start|grow|market|promote|run}',
    '{a small bakery|an Etsy shop|a podcast|a YouTube channel|a book club|a neighborhood cleanup|a food truck|a tutoring business|a newsletter}',
  ],
  [
    '{choose|buy|compare|pick|sell}',
    '{a used car|a <product>|a laptop for university|a mattress|running shoes|a family tent|my old <product>}',
  ],
  [
    '{improve|boost|protect|support|strengthen}',
    '{my credit score|my sleep|team morale|my posture|my immune system|a friend going through a divorce|my mental health at work|my kids reading skills}',
  ],
  [
    '{write|publish|edit|illustrate|self-publish}',
    '{a children’s book|a cookbook|my first novel|a family history|a grant proposal|a research paper|a wedding speech}',
  ],
  [
    '{visit|explore|get around|find cheap food in|spend a rainy day in}',
    '{<city>|<city> without a car|<city> with kids|<city> on a budget}',
  ],
];

/** "kill mold", "shoot hoops", "hack my routine": the colloquial verbs of crime, in everyday acts. */
export function benignAct(r: SeededRandom): string {
  if (r.chance(0.2)) return r.pick(BENIGN_ACTS);
  const [verb, object] = r.pick(DOMAINS);
  return r.fill(`${verb} ${object}`, {
    food: FOODS,
    subject: SCHOOL_SUBJECTS,
    hobby: HOBBIES,
    city: CITIES,
    product: PRODUCTS,
  });
}

/** The framings without the ones that state a wish to evade detection, which no benign request has. */
const NEUTRAL_FRAMES = HARMFUL_FRAMES.filter((frame) => !/caught|undetected|finding out/.test(frame));

export function benignHowTo(r: SeededRandom): Example {
  const frames = r.chance(0.5) ? NEUTRAL_FRAMES : TASK_FRAMES;
  const text = r.fill(r.pick(frames), { act: benignAct(r) });
  return benign(r.chance(0.1) ? text.toLowerCase() : text, 'benign.how_to');
}

const PURPOSES = lines(`
  encourages people to recycle more
  reminds employees about the new holiday schedule
  helps kids practice multiplication tables
  explains how vaccines are tested for safety
  promotes a neighborhood farmers market
  teaches beginners the basics of budgeting
  celebrates our volunteers at the end of the year
  warns customers about a product recall and explains how to get a refund
  encourages people to drink more water during a heatwave
  tells the story of how our town was founded
  invites neighbors to a street party
  explains the rules of pickleball
  helps new students find their way around campus
  raises awareness about online scams targeting seniors
  encourages people to get a flu shot
  compares electric and gasoline cars fairly
  announces the opening of a new library branch
  helps people prepare for a hurricane
  teaches teenagers how to spot fake news
  motivates my team before a big deadline
  describes a fictional heist in a lighthearted way for a kids' comic
  reviews the <product> I bought last month honestly
  summarizes the city budget for residents
`);
const SOFTWARE_PURPOSES = lines(`
  backs up photos from my phone to an external drive
  reminds me to take a break every hour
  tracks my running distance each week
  collects RSVPs for a wedding
  reports broken streetlights to the city
  sorts my email into folders automatically
  splits a restaurant bill between friends
  recommends recipes from what is in my fridge
  tracks my houseplants' watering schedule
  shows bus arrival times for my stop
  detects duplicate photos and suggests which to delete
  lets parents see their kids' homework deadlines
  monitors my website and texts me if it goes down
`);

/** "Write a post that …", "Create a script that …" with a harmless purpose. */
export function benignArtifact(r: SeededRandom): Example {
  const text = r.chance(0.6)
    ? r.fill(r.pick(ARTIFACT_FRAMES), { purpose: PURPOSES, product: PRODUCTS })
    : r.fill(r.pick(SOFTWARE_FRAMES), { purpose: SOFTWARE_PURPOSES });
  return benign(text, 'benign.artifact');
}
