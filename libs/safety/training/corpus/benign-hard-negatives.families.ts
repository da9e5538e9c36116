import type { SeededRandom } from '../seeded-random';
import { benign, lines } from './corpus-text';
import type { Example } from './example';
import { CITIES, FIRST_NAMES, PRODUCTS, TOPICS } from './benign-vocabulary';

/*
 * The words attack templates lean on, in their everyday senses: ignore, forget, instructions, rules, system,
 * developer, mode, override, bypass, unrestricted, secret, password, prompt, act as; and the violent or
 * criminal words of idiom and technology: kill, shoot, attack, exploit, hack, bomb, steal, destroy, inject,
 * poison, execute, payload, target. Without these the model learns single words instead of attack styles.
 */
const HARD_NEGATIVES = lines(`
  Please ignore the typos in my last message, I was typing on my phone.
  Ignore the first row of the spreadsheet, it's just headers. What's the average of column B?
  How do I make grep ignore case?
  My friend has been ignoring my texts for a week. Should I call her?
  Is it safe to ignore a "check engine" light for a few days?
  Ignore the previous draft I sent; here's the updated paragraph: <topic_sentence>
  Can I ignore minor version updates for {Node.js|Postgres|Django}?
  Forget my last message, I found the answer. Can you help me with <topic> instead?
  Forget about the budget for a second: what would the ideal <product> look like?
  How do I make my iPhone forget a Wi-Fi network?
  I keep forgetting people's names right after I meet them. Any tricks?
  Don't forget to remind me about {the dentist|mom's birthday|the team lunch} on Friday.
  Write clear instructions for assembling a flat-pack bookshelf.
  The instructions that came with my <product> are confusing. Can you explain how to set it up?
  My previous instructions were unclear, sorry. What I need is a two-sentence summary.
  Follow these instructions to make the cake: mix, bake at 180 °C for 30 minutes, cool. How long in total?
  Write instructions for a new employee on how to use the coffee machine.
  What are the rules of {poker|rugby|mahjong|cricket|Settlers of Catan|ultimate frisbee}?
  Help me write house rules for my roommates about dishes and guests.
  How do I set up rules in Outlook to move newsletters to a folder?
  Explain the firewall rules in this config and whether they are too permissive.
  What are the system requirements for {Photoshop|the latest Windows update|Minecraft|Blender}?
  Explain the solar system to a six-year-old.
  How does the immune system fight a cold?
  Which operating system is best for an old laptop?
  How do I prepare for a system design interview?
  How do I turn on developer mode on {Android|my Chromebook|Windows 11|an iPhone}?
  What do the developer tools in Chrome let me do?
  I'm a developer. How do I {debug a memory leak in Node|profile a slow page|write better commit messages}?
  How do I become a game developer with no degree?
  How do I switch my phone to airplane mode?
  How do I enable dark mode in {Gmail|Windows|VS Code|Slack}?
  How do I start Windows in safe mode?
  What's the difference between survival mode and creative mode in Minecraft?
  How do I run my Flask app in debug mode?
  How do I override a CSS style from a library without using !important?
  How do I override the thermostat schedule for one day?
  Can Congress override a presidential veto?
  How long is recovery after heart bypass surgery?
  How can I bypass the cache when I reload a page?
  Is there a bypass road around <city> to avoid traffic?
  What does "unrestricted funds" mean for a nonprofit budget?
  What is an unrestricted free agent in hockey?
  We have unrestricted access to the gym on weekends. What's a good full-body routine?
  How do I organize a Secret Santa at work?
  What is the secret to fluffy pancakes?
  How do I create a strong password I can actually remember?
  I forgot the password to my own router. How do I reset it?
  Give me ten writing prompts for a creative writing class.
  How do I open the command prompt as administrator?
  Act as a reference for me: what would you say about my teamwork?
  Can you act as a sounding board while I think through a decision?
  How do I kill time at the airport during a six-hour layover in <city>?
  How do I kill a Python process that won't stop with Ctrl+C?
  What's the best way to kill weeds between patio stones?
  These new shoes are killing my feet. How do I break them in?
  How do I shoot a photo of the Milky Way with my phone?
  Tips for shooting video at a friend's wedding?
  How do I shoot a better jump shot in basketball?
  Shoot me some ideas for a team name.
  What are the early signs of a heart attack?
  What helps during a panic attack?
  Let's attack this problem from a different angle: what if we cache the results?
  How should I attack a difficult crossword?
  How can a small company exploit the opportunity of a competitor leaving the market?
  In physics, how do we exploit symmetry to simplify a problem?
  Share a life hack for {folding fitted sheets|keeping avocados fresh|untangling cables|peeling garlic}.
  What are some good project ideas for a weekend hackathon?
  What does "growth hacking" mean in marketing?
  I totally bombed my {chemistry test|presentation|audition}. How do I bounce back?
  How do I make bath bombs at home?
  Why did that movie bomb at the box office?
  What is a bomb cyclone?
  She stole the show at the talent contest. Write a short congratulations note.
  How do you steal a base in baseball?
  Can I steal this slide layout idea for my own presentation?
  How do I destroy a Terraform stack without deleting the state bucket?
  How do I inject a service into a controller in {NestJS|Angular|Spring}?
  How do fuel injectors work in a car?
  What are the symptoms of food poisoning and when should I see a doctor?
  How do I get rid of poison ivy on my skin?
  Which over-the-counter drugs shouldn't be taken together?
  What's your secret weapon for staying productive?
  Which weapons are best for a beginner in <game>?
  How do I execute a stored procedure in SQL Server?
  What does a webhook payload usually contain?
  Who is the target audience for a <product> ad?
  Our startup saw explosive growth this year. How do we hire fast without hurting culture?
  The battery in my <product> died. Can it be replaced?
  How do I beat the final boss in <game>?
  What does it mean to "jailbreak" a phone, and does it void the warranty?
  What is a "trigger warning" and when should I use one?
  How do I capture a screenshot on {Windows|a Mac|Android}?
  My kid asked how bombs work after a history lesson. How do I explain World War II to a ten-year-old?
  What's the most dangerous animal in Australia?
  Why is the Manhattan Project considered a turning point in history?
  How did detectives solve the case in <topic> documentaries?
  What happened to the crew of the Titanic?
  Which plants are poisonous to cats?
  What's the lethal temperature for houseplants in winter?
`);

/** One hard negative, sometimes with a polite lead-in or a follow-up so that the exact text varies. */
export function hardNegative(r: SeededRandom): Example {
  let text = r.fill(r.pick(HARD_NEGATIVES), {
    topic: TOPICS,
    topic_sentence: TOPICS.map((t) => `Our talk is about ${t} and why it matters.`),
    product: PRODUCTS,
    city: CITIES,
    game: ['Elden Ring', 'Zelda', 'Minecraft', 'Hollow Knight', 'Skyrim'],
  });
  if (r.chance(0.25))
    text = `${r.pick(['Hi!', 'Hey,', 'Quick question:', 'Hello, ', `I'm ${r.pick(FIRST_NAMES)}.`, 'Thanks in advance.'])} ${text}`;
  if (r.chance(0.15)) text = `${text} ${r.pick(['Thanks!', 'Keep it short.', 'Bullet points please.'])}`;
  return benign(text, 'benign.hard_negative');
}

const MODE_WORDS = lines(`
  {developer|debug|maintenance|safe|offline|dark|kiosk|presentation|battery saver|focus|guest|admin} mode
  {system|house|game|grammar|firewall|company|traffic|spelling} rules
  {previous|earlier|original|new|updated|installation|assembly|care|washing} instructions
  {system|hidden|secret|debug|developer} {menu|settings|feature|level|recipe}
`);

/** Generated questions about "modes", "rules" and "instructions" of devices, games and workplaces. */
export function modeQuestion(r: SeededRandom): Example {
  const thing = r.fill(r.pick(MODE_WORDS));
  const text = r.fill(
    '{How do I turn on|How do I turn off|What is|Where do I find|Explain|Can you summarize|What are the} {the |}<thing> {on my <product>|in <app>|for our office|in this game|for beginners|}{?|.}',
    {
      thing,
      product: PRODUCTS,
      app: ['Chrome', 'Excel', 'Android', 'Windows', 'Zoom', 'Photoshop', 'Minecraft', 'my car'],
    },
  );
  return benign(text.replace(/the the /g, 'the '), 'benign.mode_question');
}
