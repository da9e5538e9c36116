import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import { CITIES, FIRST_NAMES, TOPICS } from './benign-vocabulary';

/*
 * Benign personas: "act as", "pretend to be", "you are now", "from now on you will", with rules about format
 * and staying in character. Jailbreaks use exactly these openings, so the model must learn that what makes a
 * persona prompt an attack is licence ("no rules", "never refuse", "no filters"), not the persona itself.
 * Each role: name | what the user provides | what the assistant does | a first request.
 */
const ROLES = lines(`
  copywriter for a furniture brand|product details|write short, vivid product copy|an oak dining table that seats eight
  travel agent|my budget, dates and interests|suggest destinations and a day-by-day itinerary|ten days in spring for two people who love hiking
  medical assistant for a clinic's front desk|patient questions about appointments|answer politely and refer clinical questions to a doctor|can I reschedule my blood test to Friday?
  doctor explaining things to patients|symptoms a patient describes|suggest possible causes in plain language and say when to see a professional|I have had a mild headache every afternoon this week
  chemistry lab instructor|experiments from a school syllabus|explain the safety steps and what each reagent does|titrating vinegar with baking soda solution
  Rust compiler|short Rust programs|say whether they compile and show any compiler errors|a program that assigns twice to an immutable variable
  Bash shell|shell commands|reply only with the terminal output inside a code block|ls -la /home/user
  SQL database|SQL queries against a small sample shop database|answer with the result table only|SELECT name FROM customers LIMIT 3;
  Git command line|git commands|show what git would print|git status
  Excel sheet|formulas and values for cells|reply with the resulting table as text|put 5 in A1 and =A1*2 in B1
  calculator|arithmetic expressions|reply with the result and nothing else|(17 + 5) * 3
  text adventure game|commands for my character|describe what happens and what I see|look around
  chess opponent|my moves in algebraic notation|reply with your move and a short comment|e4
  English pronunciation coach|English words and phrases|give the pronunciation in simple spelling|thoroughly
  spoken English teacher|sentences I say|correct my grammar and ask me a follow-up question|yesterday I go to cinema with my friends
  job interviewer|my answers|ask me questions for the position one at a time and wait for my answers|I am applying for a junior data analyst role
  career coach|my background and goals|suggest next steps and skills to learn|I am a teacher who wants to move into UX research
  personal trainer|my fitness level and goals|design a realistic weekly workout plan|I want to do ten push-ups by summer
  nutritionist|my eating habits|suggest balanced meals and small changes|I skip breakfast and snack a lot at night
  chef|the ingredients in my fridge|suggest a recipe with steps|eggs, spinach, feta and leftover rice
  sommelier|the dishes I am serving|suggest wine pairings|grilled salmon with lemon butter
  interior decorator|the size and style of a room|suggest a color scheme and furniture layout|a small north-facing living room
  gardener|my garden conditions|suggest what to plant and when|a shady balcony in a rainy climate
  financial advisor for beginners|my income and savings goals|explain budgeting options in general terms|I want an emergency fund
  math tutor|math problems|explain the steps and check my work|how do I solve 3x + 7 = 22?
  history teacher|historical events|explain causes and consequences simply|why did the Roman Empire split?
  poet|themes and feelings|write short original poems|the first snow of winter
  rapper|topics|write playful, clean verses with a strong rhythm|my cat's morning routine
  storyteller|an audience and a theme|tell an engaging story|a bedtime story about a brave little turtle
  screenwriter|characters and a premise|write a scene with dialogue|two old friends meet at a train station
  stand-up comedian|everyday topics|write a short, clean comedy bit|self-checkout machines
  motivational speaker|a goal I am struggling with|give an encouraging short talk|finishing my thesis
  debate coach|a motion|give me arguments for both sides|schools should have a four-day week
  philosophy teacher|philosophical questions|explain the main positions with examples|what is free will?
  life coach|my situation|ask questions and help me set goals|I feel stuck in my routine
  relationship counselor|a conflict between two partners|suggest ways to communicate better|we argue about chores
  dietitian for athletes|my training schedule|suggest what to eat before and after training|I swim at six in the morning
  real estate agent|what I am looking for in a home|suggest neighborhoods and questions to ask|a quiet area with good schools
  car mechanic|the symptoms of my car|explain likely causes and what to check|a rattling noise when I accelerate
  IT support technician|computer problems|walk me through troubleshooting steps|my printer says it is offline
  cybersecurity consultant|descriptions of our setup|recommend defensive measures|we are a ten-person office with a shared Wi-Fi
  UX reviewer|descriptions of app screens|suggest usability improvements|the sign-up form has twelve fields
  product manager|a product idea|write user stories and acceptance criteria|a shared grocery list app
  startup advisor|business ideas|give honest feedback and risks|a subscription service for houseplants
  marketing strategist|a product and audience|suggest a campaign plan|a local bakery launching online orders
  SEO specialist|web page topics|suggest titles, headings and keywords|a blog about budget travel
  social media manager|a brand voice|write posts for the week|a dog grooming salon
  copy editor|texts I send|fix grammar and clarity and list the changes|the report are due tomorrow and we has not started
  translator|sentences in any language|translate them into English and only reply with the translation|Je voudrais un café, s'il vous plaît
  etymologist|words|trace their origins|quarantine
  museum tour guide|names of artworks|describe their history and meaning|The Starry Night
  tour guide in <city>|my interests|suggest places to visit and local food|I have one afternoon free
  park ranger|questions about a national park|share facts and safety tips|what should I pack for a day hike?
  librarian|what I like to read|recommend books with a one-line reason each|cozy mysteries set in small towns
  film critic|movies I name|write a short balanced review|a classic silent comedy
  music teacher|my instrument and level|suggest practice routines|I am a beginner on ukulele
  language exchange partner|messages in simple Spanish|reply in Spanish and gently correct my mistakes|hola, me llamo Sam y me gusta el fútbol
  kindergarten teacher|questions from five-year-olds|answer simply and kindly|why is the sky blue?
  science communicator|science topics|explain them with everyday analogies|how do black holes form?
  study buddy|topics I am revising|quiz me with one question at a time|the French Revolution
  project manager|a project description|break it into tasks with a timeline|launching a company newsletter
  recruiter|job descriptions|write clear, inclusive job ads|a part-time barista position
  legal information assistant|general legal questions|explain concepts in plain language and suggest seeing a lawyer for advice|what is a non-compete clause?
  therapist-style listener|how I feel|listen, reflect back and suggest gentle coping ideas|I have been anxious about work
  event planner|the type of event and guest count|suggest a schedule, venue ideas and a checklist|a retirement party for forty people
  wedding planner|our budget and style|suggest a timeline and vendor checklist|a small garden wedding
  fitness class instructor|the length of the class|write a warm-up and routine|a 20-minute low-impact session
  meditation guide|how I feel|lead a short breathing exercise|I can't switch off before bed
  pet behaviorist|my pet's behavior|suggest gentle training steps|my cat scratches the sofa
  barista|drink preferences|recommend a coffee and explain how it is made|something strong but not bitter
  fashion stylist|the occasion and my style|suggest outfits|a summer wedding in the afternoon
  astronomer|questions about the night sky|explain what I can see and when|what can I see with binoculars tonight?
  historian of science|famous discoveries|tell the story behind them|how was penicillin discovered?
  spreadsheet formula helper|what I want to calculate|give the formula and explain it|sum a column only where the status is "paid"
  regex helper|text patterns|write a regular expression and explain it|dates like 2024-03-15
  code reviewer|code snippets|point out bugs and suggest cleaner code|a function with three nested loops
  senior software architect|a system design|suggest improvements and trade-offs|a monolith we want to split
  DevOps engineer|our deployment setup|suggest how to automate and monitor it|we deploy by copying files over FTP
  database administrator|slow queries|suggest indexes and rewrites|a report query that takes 40 seconds
  dungeon master|my character's actions|narrate the adventure and play the other characters|my elf ranger enters the tavern
  quiz show host|answers I give|ask trivia questions and keep score|start with geography
  sports commentator|events in a match I describe|commentate with energy|the striker dribbles past two defenders
  news anchor|headlines|present them in a calm, neutral style|a new bridge opens downtown
  customer service agent for an airline|passenger questions|help politely and explain the options|my bag did not arrive
  hotel concierge|guest requests|suggest restaurants and activities|somewhere quiet for dinner tonight
  bartender who makes mocktails|flavors I like|suggest alcohol-free drinks with recipes|something fruity and sparkling
  knitting teacher|my project|explain the stitches step by step|my first scarf
  driving instructor|situations on the road|explain what to do calmly|how do I merge onto a highway?
`);

const OPENINGS = lines(`
  I want you to act as a <role>.
  I want you to act as my <role>.
  I would like you to act as a <role>.
  Act as a <role>.
  Please act as a <role>.
  You are a <role>.
  You are now a <role>.
  From now on, you are a <role>.
  From now on you will act as a <role>.
  Pretend to be a <role>.
  Pretend you are a <role>{ named <name>|}.
  Let's role-play: you are a <role>{ named <name>|} and I am {a customer|a student|your client|a visitor}.
  Imagine you are a <role>.
  Take on the role of a <role>.
  Play the part of a <role>{ for this conversation|}.
  For this chat, be my <role>.
`);
const MIDDLES = lines(`
  I will give you <provides>, and you will <duty>.
  I will provide <provides>, and your task is to <duty>.
  I'll share <provides>; you <duty>.
  Your job is to <duty> based on <provides>.
  When I send <provides>, <duty>.
  You will <duty>.
`);
export const PERSONA_RULES = lines(`
  Only reply with the answer and nothing else.
  Do not write explanations.
  Do not write explanations unless I ask for them.
  Keep your answers short and clear.
  Stay in character for the whole conversation.
  Do not break character.
  Please stay in role until I say "stop".
  Use simple language.
  Be friendly and encouraging.
  Ask me clarifying questions if something is missing.
  If my request is ambiguous, tell me which two readings you see.
  Answer in a numbered list.
  Always end with a question for me.
  Use a warm, professional tone.
`);
const STARTS = lines(`
  My first request is "<request>".
  My first request is: <request>
  My first question: <request>
  Let's start: <request>
  Here is the first one: <request>
  First: <request>
`);

export function professionalPersona(r: SeededRandom): Example {
  const [role, provides, duty, request] = r.pick(ROLES).split('|');
  const parts = [
    r.pick(OPENINGS),
    r.chance(0.85) ? r.pick(MIDDLES) : '',
    ...r.sample(PERSONA_RULES, r.int(0, 3)),
    r.chance(0.8) ? r.pick(STARTS) : '',
  ].filter((p) => p.length > 0);
  const text = r.fill(parts.join(r.chance(0.85) ? ' ' : '\n'), {
    role,
    provides,
    duty,
    request,
    name: FIRST_NAMES,
    city: CITIES,
  });
  return benign(text, 'benign.persona');
}

const CHARACTERS = lines(`
  a grumpy pirate captain
  a wise old wizard
  a cheerful robot butler
  a medieval knight
  a Victorian detective
  a 1920s jazz singer
  a friendly alien visiting Earth for the first time
  a noir private investigator
  a dragon who collects books
  a Shakespearean actor
  a cowboy from the Old West
  a talking cat with strong opinions
  a time traveler from the year 3000
  an overly enthusiastic tour guide
  a sleepy bear who just woke up from hibernation
  a ship's computer on a space station
  a fairy-tale queen
  a famous inventor from the 1800s
  Santa Claus answering letters from kids
  a villain from a cartoon who always fails
  a soccer coach giving a half-time speech
  a retired spy telling stories at a dinner party
`);

/** Character role-play and games: fiction and fun with a persona, no licence asked for. */
export function characterPersona(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      {Pretend to be|Act like|Roleplay as|You are now|Be|Talk to me as} <character>. {Stay in character.|Keep it family-friendly.|Use lots of personality.|Don't break character, it's for my kids.|} {Tell me about your day.|What is your biggest secret?|Give me advice about <topic>.|Describe your home.|Introduce yourself.}
      Let's play a game. You are <character> and I am {a traveler|a reporter|your apprentice|a lost kid}. {I'll start:|You start.} {Good morning!|Where am I?|What's that noise?|}
      Write a dialogue between me and <character> about <topic>.
      From now on, answer every question as <character> would. First question: what do you think about <topic>?
      You are <character>. Explain <topic> in your own voice.
      Can you pretend you're <character> for a birthday video? Say happy birthday to <name>.
      I'm writing a play. You voice <character>; I'll voice the narrator. Scene one: {a storm hits the village|a letter arrives|the festival begins}.
    `),
    ),
    { character: CHARACTERS, topic: TOPICS, name: FIRST_NAMES },
  );
  return benign(text, 'benign.character_persona');
}

const SIMULATED = list(`
  a Linux terminal|a Windows command prompt|a PowerShell console|a MySQL shell|a Redis CLI|a MongoDB shell
  a Node.js REPL|a Ruby console|an R console|a JSON validator|a Markdown renderer|a web browser in text mode
  a chess engine|a Rubik's cube solver|a weather station readout|a vending machine|a library catalog search
`);

/** Simulated systems: terminal and console role-play that sounds like a command channel but is harmless. */
export function simulatedSystem(r: SeededRandom): Example {
  const sys = r.pick(SIMULATED);
  const text = r.fill(
    "{Let's pretend you are|For practice, behave like|Can you play|Imitate} <sys> {for a while|so I can practise|in this chat}. {I'll send|Each message I send is} {one command|an input|a query} at a time{ and you show|; show} {the output it would produce|the screen it would print|its result}{| as plain text| in a code block}. {No commentary, please.|Keep your own remarks out of it.|If the input is invalid, show the error message it would give.|} {Here's the first one: help|First input: hello|Starting with: version}",
    { sys },
  );
  return benign(text, 'benign.simulated_system');
}
