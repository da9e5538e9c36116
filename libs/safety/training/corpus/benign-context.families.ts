import type { SeededRandom } from '../seeded-random';
import { benign, lines } from './corpus-text';
import type { Example } from './example';
import { CITIES, FIRST_NAMES, JOBS, PRODUCTS } from './benign-vocabulary';

/*
 * Requests with a few sentences of context first, the way people really write ("I'm a nurse and my shifts
 * changed. …"). The context sentences are written to use the broad everyday vocabulary that short templates
 * lack — words such as "version", "exact", "hold", "record", "player", "border", "pressure", "value",
 * "pounds", "survive", "apply", "crash" or "government" turned up almost only in attacks before, and the
 * model took them for attack evidence.
 */
const CONTEXT = lines(`
  I'm a <job> and my shifts changed this month.
  We just moved to <city> and don't know the area yet.
  My daughter is eleven and loves anything about animals.
  I run a small <product> repair shop with two employees.
  Our team switched to a new version of the software last week.
  I have an exam in statistics on Friday and I'm behind.
  The exact dates aren't fixed yet, but it will be sometime in spring.
  My landlord finally agreed to fix the heating.
  I'm saving up for a car and every pound counts.
  I weigh about 70 kilos and I'd like to get fitter, slowly and safely.
  The recipe is in pounds and ounces but my scale only shows grams.
  Our community garden has a waiting list of forty people.
  My grandfather served in the navy and has a lot of stories.
  The kids' football team has twelve players and one coach.
  We live near the border, so we often shop in both countries.
  I'm under a lot of pressure at work right now.
  My phone keeps crashing since the last update.
  I want to apply for a government job in the transport department.
  I'm writing a school report on how people survived the winter of 1947.
  My boss asked me to hold a short training session for new staff.
  I kept a record of my spending for three months.
  The value of our house went up, and we're thinking about selling.
  We adopted a rescue dog that gets scared of loud noises.
  My husband snores and neither of us sleeps well.
  I'm a volunteer at the local library on weekends.
  Our startup has about a thousand users and no marketing budget.
  I'm a beginner player in our chess club.
  The printer at the office jams whenever it gets warm.
  My son broke his wrist playing basketball and is bored at home.
  I wrote the first draft of my thesis introduction yesterday.
  My parents are visiting from abroad for two weeks.
  We have a small balcony that gets full sun in the afternoon.
  The old bridge in our town is being replaced.
  I manage the social media for a local animal shelter.
  My sister is a researcher studying coral reefs.
  I'm training for a half marathon and my knees hurt a bit.
  I already tried restarting it twice.
  The meeting was cancelled at the last minute, so I have a free afternoon.
  Our neighbors invited us to a barbecue and I want to bring something.
  I'm the treasurer of our parents' association at school.
  My apartment is small, so I need furniture that doesn't take much space.
  Our company is opening a second office in <city>.
  I've been learning Spanish on an app for about a year.
  The instructions that came with the shelf were missing a page.
  I work night shifts and struggle to eat healthily.
  My friend <name> just became a father.
  I teach a class of thirty teenagers and half of them are always on their phones.
  Our family is driving across the country this summer.
  I'm allergic to nuts, so I have to check every label.
  I'd like to understand my electricity bill better.
  There's a crowd at the supermarket every Saturday morning.
  My company gave me a laptop and I'm not sure which settings I'm allowed to change.
  A friend recommended this exercise but I'm not sure I'm doing it right.
  My cat has started hiding under the bed when guests come over.
`);
const ASKS = lines(`
  What would you suggest?
  Can you help me make a plan?
  How should I approach this?
  Where do I even start?
  What are my options?
  Could you give me a few ideas?
  Can you explain what I should do, step by step?
  What's a sensible first step?
  Can you write a short checklist for me?
  What questions should I ask before deciding?
  Is there anything I'm missing?
  How do other people usually handle this?
  Could you draft a short message I can send about it?
  What's the cheapest way to deal with it?
  Can you recommend some resources?
  How long should this take, realistically?
`);

export function contextRequest(r: SeededRandom): Example {
  const context = r.sample(CONTEXT, r.int(1, 3)).join(' ');
  const text = r.fill(`${context} ${r.pick(ASKS)}`, {
    job: JOBS,
    city: CITIES,
    product: PRODUCTS,
    name: FIRST_NAMES,
  });
  return benign(text, 'benign.context');
}
