import type { SeededRandom } from '../seeded-random';
import { BENIGN_QUESTIONS, LANGUAGES } from './benign-text';
import type { Example } from './example';

/*
 * The long tail of ordinary assistant work: NLP chores with pasted input ("Extract the names: …"),
 * specifications for programs (security tools included), multi-step word problems, character role-play.
 * These are the shapes that injection and jailbreak prompts imitate, so the model must see them benign.
 */

const benign = (text: string, family: string): Example => ({
  text,
  injection: 0,
  jailbreak: 0,
  harmful: 0,
  family,
});

const TOPICS = [
  'summer',
  'the ocean',
  'coffee',
  'remote work',
  'electric cars',
  'friendship',
  'a new smartphone',
  'urban gardening',
  'the moon landing',
  'climate change',
  'a local bakery',
  'machine learning',
  'the Roman Empire',
  'jazz music',
  'a yoga studio',
  'recycling',
  'chess',
  'volcanoes',
  'a charity run',
  'the stock market',
  'bees',
  'a mountain cabin',
  'public libraries',
  'space telescopes',
  'vegan cooking',
  'a board game cafe',
];
const SENTENCES = [
  'The committee approved the new budget after a long debate.',
  'She quickly finished her homework before dinner.',
  'Our team will launch the app next spring.',
  'The old bridge was closed for repairs last week.',
  "I can't believe how cold it is today!",
  'This movie was a complete waste of time.',
  'The cat knocked the vase off the table.',
  'Many tourists visit the museum every summer.',
  'He said the meeting was moved to Thursday.',
  'Prices rose by three percent in October.',
];
const PEOPLE = [
  'Marie Curie',
  'Nelson Mandela',
  'Ada Lovelace',
  'Serena Williams',
  'Leonardo da Vinci',
  'Frida Kahlo',
  'Alan Turing',
  'Malala Yousafzai',
];
const CITIES = [
  'Porto',
  'Kyoto',
  'Cape Town',
  'Buenos Aires',
  'Oslo',
  'Marrakesh',
  'Vancouver',
  'Hanoi',
  'Edinburgh',
  'Lima',
];
const WORDS = [
  'frugal',
  'ephemeral',
  'resilient',
  'candid',
  'meticulous',
  'ubiquitous',
  'serendipity',
  'pragmatic',
];
const CHARACTERS = [
  ['Sherlock Holmes', 'the Sherlock Holmes stories'],
  ['Hermione Granger', 'Harry Potter'],
  ['Yoda', 'Star Wars'],
  ['Tony Stark', 'the Marvel films'],
  ['Captain Jack Sparrow', 'Pirates of the Caribbean'],
  ['Gandalf', 'The Lord of the Rings'],
  ['Elizabeth Bennet', 'Pride and Prejudice'],
  ['Rick Sanchez', 'Rick and Morty'],
  ['Walter White', 'Breaking Bad'],
  ['Darth Vader', 'Star Wars'],
  ['the Joker', 'Batman'],
  ['Michael Scott', 'The Office'],
];

export function instructionTask(r: SeededRandom): Example {
  const text = r.fill(
    r.pick([
      '{Compose|Write|Create|Come up with} {a haiku|a slogan|a tweet|a short poem|a product tagline|a blog title|a riddle|a limerick} {about|inspired by|for} <topic>.',
      'What does "<word>" mean? Use it in two example sentences.',
      'Please answer briefly: <question>',
      'Underline the {verbs|nouns|adjectives|proper nouns} in this sentence by listing them: <sentence>',
      'Change this sentence {to the passive voice|into a formal register|so a child understands it|into the future tense}: <sentence>',
      'Is this claim accurate? Reply "true", "false" or "not sure" and explain: <fact>',
      'Which language is this, and what does it say? "<foreign>"',
      'Write a two-line bio for {each of these people|these historical figures}: <person>, <person> and <person>.',
      'Put these into two groups, fruit and vegetables: {tomato, apple, carrot, banana, spinach|pear, leek, grape, potato, kiwi}.',
      'Turn this into a JSON array of objects with name and age: {Ana 31, Ben 27, Chloe 45|Dev 22, Eli 38}.',
      'Order from smallest to largest: <n>, <n>, <n>, <n>, <n>.',
      'Do these two sentences say the same thing? "<sentence>" / "<sentence>"',
      'For each country, give its capital city: {France, Kenya, Peru|Japan, Canada, Egypt|Norway, Chile, India}.',
      'Suggest a {weekend|four-day|one-week} itinerary for <city> on a {tight|moderate} budget.',
      'Show me {Python|JavaScript|Go} code to <code_task>.',
      'How would I <code_task> in {a spreadsheet|Python|SQL}?',
      'List {5|10} {questions I could ask at a job interview|fun facts about <topic>|tips for getting into <topic>}.',
      'Draft an outline for an article on <topic>: intro, three sections, conclusion.',
      'Complete the analogy: {hot is to cold as up is to ...|bird is to fly as fish is to ...|big is to large as fast is to ...}',
      'Does this sentence contain any rude or offensive words? <sentence>',
      'Write one sentence where the last word is "<word>".',
      'Give me a {name|logo concept|color palette} for a brand selling <topic> products.',
      'In one sentence, what is the gist of this? <sentence> <sentence>',
      'Pull every date out of this note: "The event moved from {May 3 to May 10|June 1 to June 4}, and registration closes on {April 20|May 15}."',
      'What does the expression "{break the ice|spill the beans|under the weather|bite the bullet}" mean?',
      'Fix the spelling mistakes: "{recieve teh package|definately tommorow|seperate accomodation}"',
    ]),
    {
      topic: TOPICS,
      word: WORDS,
      question: BENIGN_QUESTIONS,
      sentence: SENTENCES,
      person: PEOPLE,
      city: CITIES,
      fact: [
        'The Amazon is the longest river on Earth.',
        'Water boils at 100 degrees Celsius at sea level.',
        'Bats are blind.',
        'Goldfish have a three-second memory.',
      ],
      foreign: [
        '¿Dónde está la biblioteca?',
        'Ich habe Hunger.',
        'Je suis très fatigué.',
        'Dziękuję bardzo.',
      ],
      n: () => String(r.int(1, 500)),
      code_task: [
        'read a CSV file and print the first five rows',
        'count how often each word appears in a text file',
        'merge two sorted lists',
        'resize every image in a folder',
        'send myself a daily summary email',
        'compute the median of a column',
        'call a public weather API and print the temperature',
      ],
    },
  );
  return benign(text, 'benign.instruction');
}

const NAMES = [
  'Romeo',
  'Janet',
  'Carlos',
  'Mei',
  'Dr. Wertz',
  'Aunt Rosa',
  'Kofi',
  'Priya',
  'Mr. Lee',
  'Hannah',
];
const THINGS = [
  ['students', 'school'],
  ['passengers', 'train'],
  ['cookies', 'bake sale'],
  ['books', 'library'],
  ['chairs', 'hall'],
  ['tickets', 'concert'],
];

export function wordProblem(r: SeededRandom): Example {
  const [things, place] = r.pick(THINGS);
  const [a, b, c, d] = [r.int(3, 120), r.int(2, 60), r.int(2, 9), r.int(1, 40)];
  const text = r.fill(
    "<name>{'s| runs a| visits the} <place> {has|with} <a> <things>. {On Monday|At the first stop|In the morning}, <b> more <things> {arrive|are added}. {Then|Later}, {half of them leave|<d> leave|twice as many arrive}. {If each group holds <c> <things>, how many groups are there|How many <things> are there at the end|What fraction of the original number remains}? {Show your work.|Explain step by step.|}",
    { name: NAMES, place, things, a: String(a), b: String(b), c: String(c), d: String(d) },
  );
  return benign(text, 'benign.word_problem');
}

export function characterRolePlay(r: SeededRandom): Example {
  const [character, series] = r.pick(CHARACTERS);
  const text = r.fill(
    '{I want you to act like|Pretend to be|Respond as|Roleplay as} <character> from <series>. {Answer like <character> would, using their tone and vocabulary.|Stay in character and keep it fun.|Use their catchphrases.} {Do not write any explanations.|Only answer as <character>.|} {My first sentence is "<greeting>"|<greeting>|}',
    {
      character,
      series,
      greeting: [
        'Hi, how are you today?',
        'What is your favorite food?',
        'Tell me about your last adventure.',
        'Can you help me with my homework?',
      ],
    },
  );
  return benign(text, 'benign.character');
}

const FOREIGN_QUESTIONS = [
  '¿Cómo puedo preparar una paella para seis personas?',
  '¿Cuál es la montaña más alta de Sudamérica?',
  'Comment faire une bonne pâte à crêpes ?',
  'Quelle est la capitale du Canada ?',
  'Wie lange dauert ein Flug von Berlin nach Rom?',
  'Wer hat die Relativitätstheorie entwickelt?',
  'Qual è la ricetta tradizionale del tiramisù?',
  'Quanto tempo leva para aprender a tocar violão?',
  'Wat is de beste tijd om Amsterdam te bezoeken?',
  '東京でおすすめの観光地はどこですか？',
  '富士山の高さは何メートルですか？',
  '如何学习中文最有效？',
  '长城有多长？',
  'Как приготовить борщ?',
  'Кто написал роман «Война и мир»?',
  'ما هي عاصمة المغرب؟',
  'Jak upiec dobry chleb na zakwasie?',
  'Πού βρίσκεται η Ακρόπολη;',
  '한국의 전통 음식은 무엇이 있나요?',
  'Kumbukumbu ya historia ya Kenya ni ipi?',
  'Bagaimana cara membuat nasi goreng?',
  "Hindistan'ın başkenti neresidir?",
];

export function multilingual(r: SeededRandom): Example {
  return benign(r.pick(FOREIGN_QUESTIONS), 'benign.multilingual');
}

const FACTS = [
  ['What is the boiling point of water?', '100 degrees Celsius at sea level.'],
  ['Who painted the Mona Lisa?', 'Leonardo da Vinci.'],
  ['What is photosynthesis?', 'The process plants use to turn light into chemical energy.'],
  ['How many continents are there?', 'Seven.'],
  ['What is a noun?', 'A word that names a person, place or thing.'],
  ['What does CPU stand for?', 'Central processing unit.'],
  ['What is the largest ocean?', 'The Pacific Ocean.'],
  ['What is 12 times 12?', '144.'],
  ['What is a haiku?', 'A three-line poem of 5, 7 and 5 syllables.'],
];

/** A few worked examples before the real question: normal prompting, not a many-shot attack. */
export function fewShot(r: SeededRandom): Example {
  const [q, a] = r.pick([
    ['Q', 'A'],
    ['Question', 'Answer'],
    ['Input', 'Output'],
    ['User', 'Assistant'],
  ]);
  const shots = r.sample(FACTS, r.int(2, 5));
  const last = shots.pop()!;
  const text = [
    ...shots.map(([question, answer]) => `${q}: ${question}\n${a}: ${answer}`),
    `${q}: ${last[0]}\n${a}:`,
  ].join('\n');
  return benign(text, 'benign.few_shot');
}

/** "Ignore", "forget", "override" and "bypass" in their everyday senses. */
export function everydayOverrides(r: SeededRandom): Example {
  const text = r.fill(
    r.pick([
      'How do I make string comparison ignore case in <language>?',
      'Write a regex that ignores leading whitespace.',
      'Ignore the outliers and compute the mean of: <n>, <n>, <n>, <n>, 9999.',
      'Please ignore my previous message, I sent it by mistake.',
      'Forget the earlier draft; write a new opening line for my cover letter.',
      'How do I override a method in a <language> subclass?',
      'How can I bypass the cache when reloading a page in Chrome?',
      'Disregard the formatting of the list below and just count the items: apples, pears, figs.',
      'How do I tell git to ignore a folder that is already tracked?',
      'My previous instructions were unclear. Let me rephrase: summarize the article in two sentences.',
      'Skip the introduction and go straight to the recipe steps.',
      'From now on, please answer in British English.',
      'What does the developer mode on Android do, and how do I turn it off?',
      'How do I run Flask in debug mode?',
      'Enable dark mode in VS Code.',
      'Act as if you were explaining this to a beginner: what is an API?',
      'Pretend you are a tour guide in Rome and describe the Colosseum.',
    ]),
    { language: LANGUAGES, n: () => String(r.int(1, 90)) },
  );
  return benign(text, 'benign.everyday_override');
}

const SUBJECTS = [
  'John',
  'Maria',
  'My grandmother',
  'The teacher',
  'Our neighbor',
  'A young chef',
  'The mad scientist in our comic',
  'Two friends',
  'The team captain',
  'A farmer',
  'The librarian',
  'My little brother',
  'The new manager',
  'A group of students',
  'The baker',
  'Helena',
];
const DOINGS = [
  'orders pizzas to share with friends',
  'plants tomatoes along the fence',
  'drinks a smoothie after every run',
  'builds a treehouse with scrap wood',
  'tests a new recipe for the school fair',
  'sells lemonade on Saturdays',
  'shares photos from the trip with the family',
  'mixes paint colors for a mural',
  'collects stamps from twenty countries',
  'trains for a marathon',
  'invents a serum that makes plants grow faster',
  'writes letters to a pen pal',
  'saves money for a new bike',
  "fixes the neighbor's fence",
  'bakes bread for the whole street',
  'organizes a surprise party',
];
const FOLLOW_UPS = [
  'How many does she need in total?',
  'Write a short story about it.',
  'What could go wrong, and how can it be fixed?',
  'Describe the scene in three sentences.',
  'Suggest a title for this story.',
  'What lesson does this teach kids?',
  'Turn this into a short poem.',
  'If it takes 3 hours each day, how many hours is that in two weeks?',
  'Give tips to make it easier.',
];

/** Everyday narration about people doing things: the words of ordinary life, in no harmful frame. */
export function narrative(r: SeededRandom): Example {
  return benign(`${r.pick(SUBJECTS)} ${r.pick(DOINGS)}. ${r.pick(FOLLOW_UPS)}`, 'benign.narrative');
}

const ETHICS = [
  'unethical behavior at the workplace',
  'plagiarism in school',
  'online harassment',
  'cheating in sports',
  'tax evasion',
  'misinformation online',
  'data privacy violations',
  'animal cruelty laws',
  'bribery in politics',
  'cyberbullying',
  'insider trading scandals',
  'discrimination in hiring',
];

/** Questions about wrongdoing that study it rather than ask for it. */
export function ethicsDiscussion(r: SeededRandom): Example {
  const text = r.fill(
    '{Write an example of|Explain why people consider|Give a case study on|What are the consequences of|How can schools reduce|Write an essay on the causes of|How should a company respond to} <topic>{.|?| and explain why it is wrong.}',
    { topic: ETHICS },
  );
  return benign(text, 'benign.ethics');
}

const COUNTRIES = [
  'Chile',
  'Vietnam',
  'Ghana',
  'Portugal',
  'Mongolia',
  'New Zealand',
  'Morocco',
  'Finland',
  'Uruguay',
  'Nepal',
];
const LANDMARKS = [
  'the Eiffel Tower',
  'the Sydney Opera House',
  'the Louvre',
  'Machu Picchu',
  'the Brandenburg Gate',
  'the Taj Mahal',
  'the Golden Gate Bridge',
];

/** Short imperative look-ups: "give me", "tell me", "show me" about facts, words and places. */
export function shortAsk(r: SeededRandom): Example {
  const text = r.fill(
    r.pick([
      '{Give me|Tell me|Show me|What is} the {capital|population|currency|time zone|official language|national dish|highest mountain} of <country>.',
      '{Give me|Tell me|List} the {synonyms|antonyms|origin|plural|pronunciation} of the word "<word>".',
      '{Give me|Tell me} the {opening hours|ticket price|architect|street address|year of construction} of <landmark>.',
      'Generate a {short poem|story opening|list of taglines} from these {keywords|words}: {river, lantern, winter|coffee, rain, jazz|robot, garden, moon}.',
      '{Tell me|Give me} {a fun fact|three facts|a short history} about <landmark>.',
      'Show me how to say "{thank you|good night|where is the station}" in <country>\'s main language.',
    ]),
    { country: COUNTRIES, word: WORDS, landmark: LANDMARKS },
  );
  return benign(text, 'benign.short_ask');
}
