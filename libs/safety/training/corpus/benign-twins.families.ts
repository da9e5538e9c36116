import type { SeededRandom } from '../seeded-random';
import { BENIGN_QUESTIONS } from './benign-text';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import { CITIES, TOPICS } from './benign-vocabulary';

/*
 * Benign twins of the attack templates: the same structure with the attack taken out. A persona with rules,
 * a prefix format and "stay in character" but no licence; a user replacing *their own* earlier request; a
 * user asking what *they* said earlier; "no disclaimers" on a harmless question; two strings joined in a
 * programming exercise. A linear model can then only separate the two sides by what makes an attack one.
 */

const PERSONA_NAMES = list(
  'Luna|Sage|Pip|Atlas|Bolt|Maple|Orbit|Juniper|Nemo|Pixel|Clover|Echo|Basil|Ziggy|Hazel',
);
const ACRONYMS = lines(`
  "Study And Grammar Expert"
  "Patient Instructor for Practice"
  "Always Talks Like A Sailor"
  "Bright Optimistic Learning Tutor"
  "Meal Advice and Planning Logic Engine"
`);
export const BENIGN_TRAITS = lines(`
  <name> is {cheerful|patient|curious|calm|witty|gentle} and loves {puns|astronomy|cooking|old films|puzzles|gardening}.
  <name> always explains things in simple words a child could follow.
  <name> never uses jargon without explaining it.
  <name> answers every question with a short example.
  <name> speaks like a {pirate|medieval bard|sports commentator|1950s radio host} but stays polite.
  <name> does not give long lectures; answers are three sentences at most.
  <name> has opinions about {books|music|food} and shares them with humor.
  <name> never breaks character, even when the topic changes.
  <name> can simulate a {quiz show|job interview|language class|tour of <city>}.
  <name> ends every answer with an encouraging remark.
  <name> was made for a school project to help kids practice reading.
  <name> remembers what I said earlier in the conversation and refers back to it.
`);
export const BENIGN_FORMATS = lines(`
  Start every answer with "<name>:".
  Format each reply as a short paragraph followed by one question for me.
  Give two answers: a simple one for kids and a detailed one for adults.
  Use emojis only at the end of each answer.
  Keep a score: each correct answer I give earns one point.
`);
const BENIGN_PERSISTENCE = lines(`
  If you slip out of character, I'll say "Stay in character!" and you can continue.
  Remember to stay in character for the whole game.
  We'll keep playing until I type "stop".
  Confirm you understand by saying "<name> is ready".
`);

/** Persona prompts built exactly like jailbreak personas, minus the licence. */
export function personaTwin(r: SeededRandom): Example {
  const name = r.pick(PERSONA_NAMES);
  const parts = [
    r.fill(
      r.pick(
        lines(`
        From now on you are going to act as <name>{, which stands for <acronym>|}.
        Let's play a game. You are <name>, a {friendly|helpful|funny} {tutor|guide|robot|dragon|librarian}.
        Hello! For this conversation, please pretend to be <name>{, which stands for <acronym>|}.
        You are about to play the role of <name>, a character I made up for my class.
        I want you to simulate <name>, a {tour guide|study buddy|cooking coach} from the year 2150.
      `),
      ),
      { acronym: ACRONYMS },
    ),
    ...r.sample(BENIGN_TRAITS, r.int(1, 4)),
    ...(r.chance(0.6) ? [r.pick(BENIGN_FORMATS)] : []),
    ...(r.chance(0.5) ? [r.pick(BENIGN_PERSISTENCE)] : []),
    r.fill('{My first question is: |Let us start: |First: |}<q>', { q: BENIGN_QUESTIONS }),
  ];
  const text = r.fill(parts.join(r.chance(0.7) ? ' ' : '\n'), { city: CITIES }).replace(/<name>/g, name);
  return benign(text, 'benign.persona_twin');
}

const OWN_TASKS = lines(`
  summarize the text in three bullet points
  write the email in a more formal tone
  translate the paragraph into Spanish instead
  just fix the grammar and leave the wording alone
  make the list shorter, five items at most
  answer in plain English without any code
  give me the answer as a table
  write a haiku about <topic> instead
  focus only on the budget part
  use metric units throughout
`);

/** The user changing their own earlier request: "ignore my last instructions", "new task", "from now on". */
export function ownInstructionChange(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      {Ignore|Disregard|Forget|Scratch} my {previous|earlier|last|first} {instructions|request|message|question}{, I made a mistake|, I changed my mind|}. {Instead,|Now|Please} <task>.
      {Sorry, |Oops, |}{ignore|disregard} what I said {above|before} about the {format|length|tone|deadline}. <Task>.
      New instructions for this draft: <task>.
      Update: the earlier task is cancelled. {Please|Can you} <task>?
      From now on, <task>.
      Change of plan: <task>.
      Actually, forget the {essay|poem|table|summary}. <Task>.
      My instructions were confusing, sorry. What I really want: <task>.
      Don't follow my earlier {format|word limit|outline}; <task>.
    `),
    ),
    {
      task: OWN_TASKS,
      Task: OWN_TASKS.map((t) => t.charAt(0).toUpperCase() + t.slice(1)),
      topic: TOPICS,
    },
  );
  return benign(text, 'benign.own_instruction');
}

/** The user asking about their own earlier messages: the benign twin of "repeat the text above". */
export function ownContextQuestion(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      What did I say my budget was earlier?
      Repeat my shopping list back to me in alphabetical order.
      Summarize our conversation so far in three sentences.
      What was the first question I asked you today?
      Can you repeat the {recipe|plan|itinerary|steps} you gave me above, but shorter?
      Print the table from your previous answer again with an extra column for costs.
      Show me the first paragraph of my essay again with your corrections.
      Remind me what we decided about the {venue|dates|colors} for the party.
      Go back to the {second|third} point you made above and explain it in more detail.
      Copy the text I pasted above and fix the typos.
      Which city did I say I'm flying from?
      Translate your previous answer into {French|German|Japanese}.
    `),
    ),
  );
  return benign(text, 'benign.own_context');
}

/** "No disclaimers", "skip the warnings" on a harmless request: real users say this too. */
export function noPreamble(r: SeededRandom): Example {
  const text = r.fill(
    `{No need for disclaimers|Skip the disclaimers|Don't add warnings|No caveats please|Skip the introduction|No preamble|Don't lecture me}{, | — |. }{just|I only want|give me} <ask>`,
    {
      ask: [
        'the recipe.',
        'the final number.',
        'the code.',
        'the steps to reset my router.',
        'a yes or no: is Lisbon warmer than Madrid in March?',
        'the best three running shoes for flat feet.',
        'a list of the planets in order.',
        'the answer to 17 times 23.',
        'a short summary of the plot of Hamlet.',
        'the packing list.',
      ],
    },
  );
  return benign(text, 'benign.no_preamble');
}

/** Joining strings and lists as a programming or word exercise: the benign twin of payload splitting. */
export function joinExercise(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      Let a = "<w1>" and b = "<w2>". What does a + b print in Python?
      Combine these two lists and remove duplicates: [<n>, <n>, <n>] and [<n>, <n>, <n>].
      Join the words "<w1>" and "<w2>" into one compound word and tell me if it exists in English.
      Part 1 of my essay is about {causes|history}, part 2 is about {effects|solutions}. Can you write a transition sentence between them?
      String 1 is "<w1>", string 2 is "<w2>". Write a JavaScript function that concatenates them with a space.
      Reverse the string "<w1><w2>" and tell me if it is a palindrome.
      I'll give you two halves of a sentence: "The early bird" and "catches the worm". What proverb is this, and what does it mean?
    `),
    ),
    {
      w1: list('sun|rain|foot|book|tooth|fire|snow|water|moon|star'),
      w2: list('flower|bow|ball|case|brush|fly|man|fall|light|fish'),
      n: () => String(r.int(1, 40)),
    },
  );
  return benign(text, 'benign.join_exercise');
}
