import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import {
  CITIES,
  COMPANIES,
  COUNTRIES,
  FOODS,
  HOBBIES,
  JOBS,
  PRODUCTS,
  RELATIONS,
  SCHOOL_SUBJECTS,
  TOPICS,
  date,
  fullName,
  money,
} from './benign-vocabulary';

/*
 * Everyday assistant traffic, built compositionally (request × document × recipient × subject × constraint)
 * so that tens of thousands of distinct texts come out and no single phrasing is memorised. The words here
 * ("detailed plan", "step by step", "tell me how", "can you help me") are the same ones harmful requests use:
 * the model has to learn that the request frame says nothing on its own.
 */

const DOCUMENTS = list(`
  email|letter|text message|Slack message|memo|short speech|toast|LinkedIn post|tweet|blog post|newsletter
  cover letter|resignation letter|thank-you note|apology|complaint letter|invitation|press release|bio
  job posting|FAQ section|product description|announcement|reference letter|status update|meeting recap
  wedding speech|birthday card message|out-of-office reply|follow-up email|welcome message|reminder
`);
const TONES = list(`
  friendly|formal|short|warm|professional|casual|polite|upbeat|sincere|concise|funny|diplomatic|firm but kind
`);
const SUBJECTS = lines(`
  the new office hours
  a delayed shipment
  our product launch next month
  a missed deadline
  the team offsite in <city>
  a rent increase
  a broken heater in my apartment
  my promotion to senior <job>
  a fundraising bake sale
  the holiday schedule
  switching to a four-day week
  a parent-teacher meeting
  a refund of <money> I am still waiting for
  a job offer I want to accept
  a job offer I have to decline
  our new recycling rules
  the quarterly results
  a change of venue for the conference
  my retirement after twenty years
  a lost package
  the end of our free trial
  a noise complaint from downstairs
  volunteering at the food bank
  the launch of our <product> line
  moving our meeting to <date>
  a scholarship application
  my neighbor's overgrown tree
  a wedding in <city>
  the results of our customer survey
  a welcome dinner for new employees
`);
const CONSTRAINTS = lines(`
  Keep it under {100|150|200} words.
  Make it sound {warm but professional|less stiff|confident|more personal}.
  Use bullet points for the main details.
  Include a clear call to action.
  Mention that the deadline is <date>.
  Sign it from <name>.
  Add a subject line.
  Avoid jargon.
  End on a positive note.
  Give me two versions, one formal and one casual.
  It should fit in a text message.
  Write it in {British|American} English.
`);

function slots(r: SeededRandom) {
  return {
    city: CITIES,
    job: JOBS,
    money: () => money(r),
    product: PRODUCTS,
    date: () => date(r),
    name: () => fullName(r),
    company: COMPANIES,
    topic: TOPICS,
    food: FOODS,
    hobby: HOBBIES,
    subject: SCHOOL_SUBJECTS,
    country: COUNTRIES,
    relation: RELATIONS,
  };
}

export function writingTask(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      {Write|Draft|Compose|Help me write|Can you write|Could you draft|I need} a <tone> <doc> {to|for} <relation> {about|regarding|announcing|explaining} <about>.{| <constraint>}
      {Please |}{write|draft} a <doc> about <about>.{| <constraint>}{| <constraint>}
      I have to tell <relation> about <about>. Can you help me {write|word} the <doc>?
      What should I say in a <doc> to <relation> about <about>?
      Rewrite this <doc> to be more <tone>: "Hi, just letting you know about <about>. Let me know. Thanks, <name>"
      Make this sound more <tone>: "{we cant make it on friday sorry|pls send the files asap|the meeting is moved, check your calendar|thanks for the help yesterday}"
      Proofread my <doc> and suggest improvements: "Dear <name>, I am writing regarding <about>. I would appreciate your reply at your earliest convenience."
      Give me {three|five} subject lines for a <doc> about <about>.
    `),
    ),
    {
      ...slots(r),
      tone: TONES,
      doc: DOCUMENTS,
      about: SUBJECTS,
      constraint: CONSTRAINTS,
    },
  );
  return benign(text, 'benign.writing');
}

const PLANS = lines(`
  a <days>-day trip to <city>
  a <days>-day road trip through <country>
  a weekend in <city> with two kids
  a honeymoon in <country>
  a budget backpacking trip across <country>
  a family reunion for thirty people
  a surprise birthday party for my {wife|husband|mom|best friend}
  a small wedding on a budget of <money>
  a study schedule for my <subject> exam in three weeks
  a training plan for my first {5k|10k|half marathon}
  a move to a new apartment across town
  a 30-day plan to learn the basics of <hobby>
  a weekly meal plan for a family of {three|four|five}
  a vegetable garden for a small backyard
  a product launch for our new <product>
  the first week of onboarding for a new <job>
  a team-building day for twelve people
  a one-day visit to <city> during a layover
  a reading plan to finish twelve books this year
  a savings plan to put away <money> a month
  a charity fun run in our town
  a school science fair project about <topic>
  a podcast about <topic>
  a home office makeover on a small budget
`);
const PLAN_ASKS = lines(`
  Could you sketch out the days for us?
  Please put together a day-by-day itinerary.
  Make me a {detailed|rough|realistic} plan.
  Give me a step-by-step plan.
  Could you draw up a schedule with times?
  What should the plan look like?
  Help me plan it out.
  Create a checklist of everything I need to do.
  Break it into weekly milestones.
  What should I book first?
  I'd love a detailed schedule with costs.
`);

export function planning(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      {I'm|We're} {planning|thinking about|looking into} <plan> {next month|this summer|in the spring|for the autumn|soon}. <ask>
      {I am|I'm|We are} {organizing|preparing|working on} <plan>{ and feel overwhelmed|| for the first time}. <ask>
      <ask_lower_start> for <plan>{?|.}
      {Plan|Create|Design|Outline|Write} <plan_article>. {Include costs.|Include a packing list.|Keep it realistic.|We like food and museums.|We don't have a car.|}
      What's a good {plan|itinerary|schedule} for <plan>? {We have <money>.|I have a tight budget.|Time is short.|}
      Help me organize <plan>. {Start with the most important tasks.|Give me a timeline.|What am I forgetting?}
    `),
    ),
    {
      ...slots(r),
      plan: PLANS,
      plan_article: PLANS.map((p) => `a plan for ${p}`),
      ask: PLAN_ASKS,
      ask_lower_start: list(
        'Give me a detailed plan|Make an itinerary|Write a step-by-step guide|Suggest a schedule|Draft a timeline',
      ),
      days: () => String(r.int(2, 14)),
    },
  );
  return benign(text, 'benign.planning');
}

const SITUATIONS = lines(`
  my coworker keeps taking credit for my work
  my toddler refuses to eat vegetables
  I can't fall asleep before 2 am
  my dog pulls on the leash
  I feel nervous before presentations
  I keep procrastinating on my thesis
  my houseplants have yellow leaves
  my laptop battery drains really fast
  my teenage son spends all night gaming
  I want to switch careers to become a <job>
  I just moved to <city> and don't know anyone
  my bread never rises properly
  my landlord hasn't returned my deposit
  I have a job interview for a <job> position on <date>
  I overspend every month
  my neighbor's music is loud at night
  I want to get back into <hobby> after years
  I'm starting university in <country> next fall
  my car makes a squeaking noise when I brake
  I have too many browser tabs open and lose focus
`);

export function advice(r: SeededRandom): Example {
  const text = r.fill(
    r.pick(
      lines(`
      {Any|Do you have any} {tips|advice|suggestions}? <situation>.
      <situation_cap>. What should I do?
      What can I do if <situation>?
      How {should|can|do} I deal with the fact that <situation>?
      {I need some advice:|Quick question:|Help!} <situation>. {Ideas?|What would you suggest?|Where do I start?}
      Is it normal that <situation>? {How do I fix it?|Should I worry?|}
      My friend says <situation>. How can I help {her|him|them}?
      What are the best ways to get better at <hobby>?
      How {do|can} I {start|get into|improve at} <hobby> {as a beginner|on a budget|at age 50|}?
      What's the best way to learn <subject> on my own?
    `),
    ),
    {
      ...slots(r),
      situation: SITUATIONS,
      situation_cap: SITUATIONS.map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    },
  );
  return benign(text, 'benign.advice');
}

const ISSUES = lines(`
  my order <order> arrived damaged
  I was charged twice for my subscription
  the <product> I bought stopped working after a week
  I never received the confirmation email
  my refund hasn't shown up after ten days
  I can't log in to my account since the update
  the delivery was left at the wrong address
  I want to cancel my plan but can't find the button
  the size I ordered doesn't fit and I want an exchange
  your app crashes when I open the settings page
`);

export function customerSupport(r: SeededRandom): Example {
  const issue = r.pick(ISSUES);
  const text = r.fill(
    r.pick(
      lines(`
      A customer wrote: "Hi, <issue>. {Please help.|This is really frustrating.|What can you do?|Thanks.} <name>". Write a {helpful|polite|empathetic} reply from <company>.
      You are a support agent for <company>. A customer says <issue>. How do you respond?
      Draft a reply to this ticket: "<issue_cap>." Offer a solution and apologize for the trouble.
      Classify this support message as billing, shipping, technical or other: "<issue_cap>."
      Write a polite complaint to <company> because <issue>.
      How do I ask <company> for compensation? <issue_cap>.
      Summarize this complaint in one line for our CRM: "<issue_cap>, and nobody answered my last two emails."
    `),
    ),
    {
      ...slots(r),
      issue,
      issue_cap: issue.charAt(0).toUpperCase() + issue.slice(1),
      order: () => `#${r.int(10000, 99999)}`,
    },
  );
  return benign(text, 'benign.support');
}

const TRIVIA = lines(`
  What is the capital of <country>?
  What language do people speak in <country>?
  What is <city> famous for?
  When is the best time of year to visit <city>?
  What's the population of <city>, roughly?
  How do you make <food>?
  What goes well with <food>?
  Is <food> healthy?
  Who invented the {telephone|printing press|light bulb|World Wide Web|steam engine|bicycle}?
  When did {the Berlin Wall fall|World War II end|humans first land on the Moon|the Titanic sink}?
  How does {a refrigerator|a microwave|GPS|a vaccine|Wi-Fi|a solar panel|an electric motor|the stock market} work?
  Why {is the ocean salty|do leaves change color|do we dream|do cats purr|does ice float|do onions make us cry}?
  What's the difference between {a virus and bacteria|weather and climate|a latte and a cappuccino|RAM and storage|an LLC and a corporation}?
  How many {bones are in the human body|planets are in the solar system|players are on a soccer team|hearts does an octopus have}?
  Who wrote {Pride and Prejudice|One Hundred Years of Solitude|The Odyssey|1984|Don Quixote|Hamlet}?
  What does a <job> do all day?
  How much does a <job> earn in <country>?
  Explain <topic> in simple terms.
  Tell me {a fun fact|three interesting facts|something surprising} about <topic>.
  Can you recommend {a few books|some documentaries|podcasts|YouTube channels} about <topic>?
  What are the pros and cons of <topic>?
  What is {the meaning of|the origin of} the word "{serendipity|quarantine|salary|robot|alphabet|muscle|disaster}"?
`);

/** Short questions, the bulk of real traffic: one line, no context, every kind of subject. */
export function shortQuestion(r: SeededRandom): Example {
  let text = r.fill(r.pick(TRIVIA), slots(r));
  const style = r.next();
  if (style < 0.15) text = text.toLowerCase().replace(/[?.]$/, '');
  else if (style < 0.28)
    text = `${text} ${r.pick(list('Thanks!|Please keep it short.|Explain like I am ten.|In two sentences.'))}`;
  return benign(text, 'benign.short_question');
}
