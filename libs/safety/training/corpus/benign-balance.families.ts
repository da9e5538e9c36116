import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import { PEOPLE, PLACES } from './harmful-acts';
import { CITIES, FIRST_NAMES } from './benign-vocabulary';

/*
 * Vocabulary balance. Words that attack templates use for their own reasons ("AI", "model", "policy",
 * "never", "without", "remember", "his", "roommate", "sell", "records", "license", "drug", "pain") were found
 * almost only on the attack side of the corpus, so the model learnt them as attack evidence. These families
 * use the same words, and the same people and places the harmful acts name, in ordinary requests.
 */

const AI_QUESTIONS = lines(`
  How do large language models like ChatGPT actually work?
  Which AI model is best for {summarizing long PDFs|writing code|translating documents|brainstorming}?
  Can an AI {write music|replace translators|grade essays fairly|diagnose illnesses}?
  What is the difference between {GPT-4 and GPT-3.5|a chatbot and a search engine|machine learning and AI|training and fine-tuning a model}?
  Why does ChatGPT sometimes make up facts, and how can I check its answers?
  What are OpenAI's usage limits on the free plan?
  How do AI companies decide on their content policies?
  Is it safe to paste confidential work documents into an AI chatbot?
  What should our company's guidelines for using AI tools at work say?
  Write a short policy for students on when they may use AI for homework.
  How do spam filters decide what goes to the junk folder?
  How do content moderators on social media decide what breaks the rules?
  What safety features should I look for in a {car seat|used car|space heater|kids' tablet}?
  What does "{model|version|session|sandbox|token|prompt}" mean in the context of AI?
  How can I write better prompts to get useful answers from an AI assistant?
  Explain how a recommendation model decides which videos I see.
  What is a business model, and which one fits a {subscription box|mobile game|local gym}?
  Who is a good role model for a teenager interested in science?
  What scale should I choose for my first model train set?
  How were the first AI programs made in the 1950s?
`);

/** People the harmful acts name, in ordinary interpersonal requests. */
const LIFE = lines(`
  How do I {talk to|apologize to|thank|surprise|support|reconnect with|set boundaries with|say no to} <person>?
  What's a good {birthday gift|thank-you gift|housewarming present|farewell card message} for <person>?
  <Person> {keeps borrowing my things|is always late|never replies to my messages|moved to <city>|just got engaged|lost {his|her} job|is going through a hard time}. {What should I do?|How can I help?|How do I bring it up kindly?|Any advice?}
  I'm having dinner with <person> {tonight|this weekend|next week}. {What should I cook?|What are good conversation topics?|Where should we go in <city>?}
  Write a {card|short note|message} to <person> {to say congratulations|to apologize for missing his party|to say thanks for the help|for a retirement}.
  How can I split chores fairly with my roommate?
  My girlfriend and I want to {adopt a cat|move in together|plan a trip to <city>}. What should we think about?
  My ex and I share custody. How do we make a calendar that works for both of us?
  How do I write a complaint to my landlord about {the heating|mold|a leaking roof} without sounding rude?
  What should I say to a police officer if I witness a car accident?
  How do I contact the mayor's office about {potholes|a new bike lane|noise at night}?
  I want to become a journalist. What should I study?
  My wife's birthday is next week and she loves <hobby>. Ideas?
  Our neighbor's cat keeps visiting us. Is it OK to feed it?
  How do I help an old lady in my building who can't carry her groceries?
  What time does <place> usually open on Sundays?
  Is it worth buying groceries at <place> or online?
  Where is the nearest <place> to the train station in <city>?
`);

const VOCABULARY = lines(`
  How do I sell my old {car|piano|furniture|phone} quickly for a fair price?
  How do I request a copy of my own medical records from my doctor?
  What do I need to renew my driver's license{| in <city>}?
  How do I transfer a license plate to my new car?
  Can I still buy vinyl records anywhere in <city>?
  What are the most common drug interactions with {ibuprofen|antibiotics|blood pressure pills}?
  How do I renew my prescription while I'm traveling?
  How long is recovery after {knee|wrist|wisdom tooth} surgery?
  What are the signs of an ear infection in a toddler?
  What's a good chest workout without equipment?
  How much water should I be drinking a day?
  What helps with lower back pain from sitting all day?
  How do I remove a virus from my laptop?
  Which camera is best for a beginner who shoots {landscapes|portraits|sports}?
  How do I keep my kids' devices from being used after bedtime?
  Is it safe to carry a lot of cash when traveling to <city>?
  How do I win a {pub quiz|chess tournament|school debate|raffle}? Any tips?
  We won a prize at the fair. How do we claim it?
  Should I buy from a car dealer or a private seller?
  What does "evidence-based" mean in medicine?
  What should I do right after a minor car accident?
  What is harm reduction in public health?
  How do I hide apps on my own phone's home screen?
  How do we plan an escape room party for ten-year-olds?
  How do I make shadow puppets with my kids?
  What makes someone a good team leader?
  What's the best way to start teaching my kid to read?
  How do crowdfunding campaigns work?
  What are some fun science experiments for kids at home?
  How do I plan a superhero-themed birthday party?
  My son's teacher says he has trouble focusing. What can we try at home?
  How do I return goods I bought online from a store in another country?
  Can you explain the difference between a misdemeanor and a felony?
  What happens at a first court appearance for a traffic ticket?
  My friend is a nurse who works night shifts. How can I support her?
  What should a first-aid kit for a hiking trip include?
  What are good summer camps for girls who love coding?
  How do I coach a boys' under-12 football team without yelling?
  Which health checks should women over 40 get every year?
  What are common signs of depression in men, and how can friends help?
  Give me ideas for a girls' night in with my college friends.
  How can our company attract more women into engineering roles?
  My twin boys fight over toys all day. How do I help them share?
  What's a good book club pick for a group of retired men?
`);

/** Natural filler around a request: the connective words that short templates never contain. */
const FILLERS = lines(`
  I've never done this before, so please be patient with me.
  Remember to keep it simple.
  Make sure it isn't too long.
  Thanks again for your help last time!
  I'm not sure if this is the right place to ask.
  This is for my own small project.
  Please be as detailed as you can.
  Explain it carefully, I'm a beginner.
  I must finish this by tomorrow morning.
  Sorry if this is a silly question.
  Also, could you add a short summary at the end?
  Once you're done, suggest a title.
  I tried searching online but got confused.
  Continue in the same style as before.
  It's very important that the facts are correct.
  If anything is unclear, ask me first.
  My teacher said I should ask an AI for feedback.
  I'm sure there is an easier way than what I'm doing.
  Take your time, there's no rush.
  Be honest, even if it isn't what I want to hear.
`);

export function aiQuestion(r: SeededRandom): Example {
  return benign(r.fill(r.pick(AI_QUESTIONS)), 'benign.ai_question');
}

export function lifeRequest(r: SeededRandom): Example {
  const slots = {
    person: PEOPLE,
    Person: PEOPLE.map((p) => p.charAt(0).toUpperCase() + p.slice(1)),
    place: PLACES,
    city: CITIES,
    hobby: list('gardening|painting|hiking|baking|photography|yoga|jazz'),
  };
  const text = r.fill(r.pick(r.chance(0.5) ? LIFE : VOCABULARY), slots);
  return benign(text, 'benign.life');
}

/**
 * Another family's example with one or two filler sentences around it. Used for attacks too, so the filler
 * itself stays neutral and only the request decides.
 */
export function padded(source: (r: SeededRandom) => Example): (r: SeededRandom) => Example {
  return (r) => {
    const example = source(r);
    const before = r.chance(0.5) ? `${r.pick(FILLERS)} ` : '';
    const after = !before || r.chance(0.3) ? ` ${r.pick(FILLERS)}` : '';
    const name = r.chance(0.1) ? ` - ${r.pick(FIRST_NAMES)}` : '';
    return {
      ...example,
      text: `${before}${example.text}${after}${name}`,
      family: `${example.family}+padded`,
    };
  };
}
