import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import { CITIES, FIRST_NAMES, LAST_NAMES } from './benign-vocabulary';

/*
 * Arithmetic word problems, unit conversions and fill-in-the-blank exercises. Word problems are made of
 * people, businesses, goods and quantities that move between them (shared out, sold,
 * shipped, delivered): ordinary commerce whose verbs also occur in crime requests, so
 * the model must see many of them without a harmful label.
 */

const TITLES = list('Mr.|Mrs.|Ms.|Dr.|Coach|Professor|Aunt|Uncle|Grandma|Chef|Farmer|Captain');

function person(r: SeededRandom): string {
  return r.pick([
    () => r.pick(FIRST_NAMES),
    () => r.pick(FIRST_NAMES),
    () => `${r.pick(TITLES)} ${r.pick(LAST_NAMES)}`,
    () => `${r.pick(FIRST_NAMES)}'s {mom|dad|brother|sister|grandfather}`,
  ])();
}

/** Goods with the unit they are counted in and the places they go to. */
const GOODS = lines(`
  sacks of potatoes|soup kitchens
  pounds of flour|bakeries
  ounces of juice|cups
  pounds of ground beef|burgers
  tons of gravel|driveways
  kilograms of apples|grocery stores
  boxes of crayons|classrooms
  bags of rice|families
  liters of milk|cafés
  crates of oranges|markets
  cans of paint|apartments
  packs of printer paper|offices
  loaves of bread|sandwich shops
  bottles of water|runners
  cupcakes|tables at the fair
  trading cards|friends
  seedlings|garden beds
  tickets|volunteers
  jars of honey|farm stands
  bales of hay|stables
  meters of fabric|costumes
  gallons of gas|trucks
  textbooks|students
  dog treats|shelter dogs
`);
const BUSINESSES = list(`
  bakery|bookstore|flower shop|pet store|car dealership|bike shop|ice cream stand|toy store|farm|factory
  pizzeria|coffee shop|shoe store|hardware store|dance studio|zoo|museum|cinema|hotel|gym|food truck
`);
const ITEMS = list(`
  muffins|novels|roses|goldfish|used cars|helmets|cones|puzzles|eggs|chairs|pizzas|lattes|sneakers|nails
  lessons|tickets|posters|rooms|memberships|tacos|candles|notebooks|T-shirts|pies|pumpkins|kites
`);

export function wordProblemMix(r: SeededRandom): Example {
  const [goods, places] = r.pick(GOODS).split('|');
  const n = () => String(r.int(2, 12));
  const big = () => String(r.int(20, 600));
  const price = () => r.pick([String(r.int(2, 60)), `${r.int(1, 19)}.${r.pick(['25', '50', '75', '99'])}`]);
  const text = r.fill(
    r.pick(
      lines(`
      A wholesaler splits <big> <goods> equally among <n> <places>. {How much does each get|How many are left over if each gets <n>}?
      <p> has <big> <goods>. {She|He} gives <n> to each of <n> <places> and {sells|keeps} the rest. How many does {she|he} have left?
      A <business> sells <item> for $<price> each. On <day> it sold <big> of them{ and on <day> twice as many|}. How much money did it make?
      A <business> buys <big> <item> at $<price> each and sells them for $<price> each. What is the profit?
      The <business> has <n> times as many <item> as <item2>. With <big> <item2> in stock, how many <item> does it have{ altogether|}?
      <p> works <n> hours a day, <n> days a week, and earns $<price> an hour. How much does {she|he} earn in <n> weeks?
      <p> drives <big> miles to <city> at <n>0 miles per hour. How long does the trip take?
      <p> saves $<price> every week. How many weeks until {she|he} can buy a {bike|laptop|guitar|tablet} that costs $<big>?
      A recipe needs <n> cups of flour for <n> {cookies|servings|loaves}. How much flour is needed for <big>?
      In a class of <big> students, <n>0% {walk to school|play an instrument|bring lunch}. How many students is that?
      The price of a <item2> was $<big> and it went {up|down} by <n>%. What is the new price?
      <p> and <p2> share <big> <goods> in the ratio <n>:<n>. How many does each get?
      A {train|bus|ferry} leaves <city> at <n>:{00|15|30|45} and arrives <n> hours and <n>0 minutes later. When does it arrive?
      A {pool|tank|barrel} holds <big> liters. A pipe fills it at <n> liters a minute. How long does it take to fill it{ halfway|}?
      <p> bought <n> <item> and <n> <item2> for $<big>. If each <item2> costs $<price>, how much does one <item> cost?
      <p> is <n> years older than <p2>. In <n> years, the sum of their ages will be <big>. How old is <p2> now?
      The <business> is open <n> hours on weekdays and <n> hours on weekends. How many hours is it open each week?
    `),
    ),
    {
      goods,
      places,
      business: BUSINESSES,
      item: ITEMS,
      item2: ITEMS,
      p: () => person(r),
      p2: () => person(r),
      city: CITIES,
      day: list('Monday|Tuesday|Saturday|the first day|Friday'),
      n,
      big,
      price,
    },
  );
  const tail = r.pick(['', '', ' Show your work.', ' Explain step by step.', ' Answer with a number.']);
  return benign(text + tail, 'benign.word_problem_mix');
}

const UNITS = lines(`
  ft|in|12
  yd|ft|3
  mi|km|1.609
  km|m|1000
  m|cm|100
  kg|lb|2.205
  lb|oz|16
  g|mg|1000
  L|mL|1000
  gal|qt|4
  cups|tablespoons|16
  hours|minutes|60
  days|hours|24
  weeks|days|7
  GB|MB|1024
  acres|square feet|43560
`);

/** Conversions and blanks, the most template-like of benign requests. */
export function conversion(r: SeededRandom): Example {
  const [from, to] = r.pick(UNITS).split('|');
  const x = String(r.chance(0.7) ? r.int(1, 50) : r.int(1, 99) / 4);
  const blank = r.pick(['_____', '___', '?', '__________', '[blank]']);
  const text = r.fill(
    r.pick(
      lines(`
      Convert <x> <from> to <to>.
      How many <to> are in <x> <from>?
      Fill in the blank: <x> <from> = <blank> <to>.
      Convert the following: <x> <from> to <to>{, and show the formula|}.
      What is <x> <from> in <to>?
      Complete the conversion table: 1 <from> = <blank> <to>, <x> <from> = <blank> <to>.
      Convert {<x> degrees Fahrenheit to Celsius|<x> degrees Celsius to Fahrenheit|<x> US dollars to euros at a rate of 0.92|<x> miles per hour to kilometers per hour}.
      Round <x>.{37|846|5} to the nearest {tenth|whole number|hundredth}.
      Write <x>/8 as a decimal and as a percentage.
    `),
    ),
    { x, from, to, blank },
  );
  return benign(text, 'benign.conversion');
}

const CLOZE = lines(`
  The capital of France is <blank>.
  Water freezes at <blank> degrees Celsius.
  The {largest|smallest} planet in our solar system is <blank>.
  A triangle has <blank> sides.
  The opposite of "ancient" is <blank>.
  She <blank> (go) to the market every Saturday.
  If I <blank> (be) you, I would apologize.
  The chemical symbol for gold is <blank>.
  Photosynthesis happens in the <blank> of plant cells.
  The past tense of "swim" is <blank>.
  <blank> is the process by which water turns into vapor.
  The first person to walk on the Moon was <blank>.
  A group of lions is called a <blank>.
  The square root of 144 is <blank>.
`);

export function fillInBlank(r: SeededRandom): Example {
  const blank = r.pick(['_____', '___', '______', '(blank)', '...']);
  const items = r.sample(CLOZE, r.int(1, 3)).map((c) => r.fill(c, { blank }));
  const text = r.fill(
    '{Fill in the blank|Fill in the blanks|Complete the sentence|Complete the following|Fill in the missing word|Choose the right word}{:|.|:\n}<items>{| Give a short explanation.| Only give the answers.}',
    { items: items.map((s) => ` ${s}`).join(r.chance(0.5) ? '' : '\n') },
  );
  return benign(text, 'benign.fill_blank');
}

export function mathQuestion(r: SeededRandom): Example {
  const a = () => String(r.int(2, 40));
  const text = r.fill(
    r.pick(
      lines(`
      Solve for x: <a>x {+|-} <a> = <a>.
      What is <a> times <a>?
      What is the derivative of x^<a> + <a>x?
      Integrate <a>x^2 from 0 to <a>.
      Factor x^2 + <a>x + <a>.
      Find the {mean|median|mode|range} of <a>, <a>, <a>, <a> and <a>.
      Is <a><a> a prime number?
      What is the {greatest common divisor|least common multiple} of <a> and <a>?
      Solve the system: x + y = <a>, x - y = <a>.
      What is the area of a circle with radius <a> cm?
      How many ways can <a> people sit in a row?
      Explain how to {add fractions with different denominators|find the slope of a line|complete the square|calculate compound interest} with an example.
      Prove that the sum of two even numbers is even.
      A {coin|die} is {flipped|rolled} <a> times. What is the probability of {getting at least one head|rolling at least one six}?
    `),
    ),
    { a },
  );
  return benign(text, 'benign.math_question');
}
