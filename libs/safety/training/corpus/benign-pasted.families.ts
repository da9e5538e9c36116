import type { SeededRandom } from '../seeded-random';
import { benign, lines, list } from './corpus-text';
import type { Example } from './example';
import {
  CITIES,
  COMPANIES,
  JOBS,
  PRODUCTS,
  date,
  emailAddress,
  fullName,
  money,
  orderNumber,
  phoneNumber,
} from './benign-vocabulary';

/*
 * Pasted content with a task around it: e-mails, contact cards, forms, tables, notes and transcripts full of
 * names, e-mail addresses and phone numbers, and errands that send or forward things to an address.
 * Injections plant "send the data to x@y" in such content, so the model must see that an address, a
 * "forward to" or "the following" is what ordinary work looks like.
 */

const ATTACHMENTS = list(`
  the invoice|the receipt|the signed contract|the meeting notes|the slides|the quarterly report|my CV
  the updated budget|the photos from the event|the seating plan|the tax form|the booking confirmation
  the project timeline|the draft agenda|the minutes|the purchase order|the packing list|the lease
`);

/** Errands with a recipient address: the benign twin of an exfiltration payload. */
export function emailErrand(r: SeededRandom): Example {
  const name = fullName(r);
  const address = emailAddress(r, r.chance(0.7) ? name : undefined);
  const text = r.fill(
    r.pick(
      lines(`
      {Please |Can you |Could you |}{email|send|forward} <attachment> to <address>{.| by <date>.| and cc me.| before the end of the day.}
      Pass {this message|the confirmation|the new schedule} on to <address>{| and ask them to confirm they got it}.
      Write an email to <name> (<address>) {about|asking about|to follow up on} <attachment>.
      Draft a short note to <address> saying that <attachment> is attached and {asking for feedback|that the deadline moved to <date>|thanking them for their patience}.
      Send a reminder to <address> that {the payment of <money> is overdue|our call is at 3 pm tomorrow|the library book is due <date>}.
      Remind me to email <name> at <address> on <date>.
      Add <name>, <address>, <phone> to my contacts list in this format: Name | Email | Phone.
      Reply to <address> and {accept|decline} the invitation for <date>{| politely}.
      What's a polite way to ask <address> to stop sending me newsletters?
      Schedule an email to <address> for <date> with <attachment> attached.
      Is "<address>" a valid email address?
      Write a regex that would match addresses like <address>.
    `),
    ),
    {
      attachment: ATTACHMENTS,
      address,
      name,
      phone: () => phoneNumber(r),
      date: () => date(r),
      money: () => money(r),
    },
  );
  return benign(text, 'benign.email_errand');
}

function emailBody(r: SeededRandom): string {
  const from = fullName(r);
  const to = fullName(r);
  return r.fill(
    `From: <from> <<from_address>>\nTo: <to_address>\nSubject: {Re: |}{<attachment>|Lunch on <date>|Your order <order>|Visit to <city>|Interview schedule}\n\n{Hi|Hello|Dear} <to_first>,\n\n{Thanks for getting back to me.|I hope you are well.|Quick update from my side.} {Could you send me <attachment> before <date>?|The delivery of the <product> is scheduled for <date>.|I have moved our call to <date>; my number is <phone> if anything changes.|Please find <attachment> attached.|Our new office is in <city>, and you can reach reception at <phone>.}{| Let me know if you have questions.}\n\n{Best|Kind regards|Cheers|Thanks},\n<from>`,
    {
      from,
      from_address: emailAddress(r, from),
      to_address: emailAddress(r, to),
      to_first: to.split(' ')[0],
      attachment: ATTACHMENTS,
      date: () => date(r),
      order: () => orderNumber(r),
      city: CITIES,
      product: PRODUCTS,
      phone: () => phoneNumber(r),
    },
  );
}

function contactForm(r: SeededRandom): string {
  const name = fullName(r);
  return [
    `Name: ${name}`,
    `Email: ${emailAddress(r, name)}`,
    `Phone: ${phoneNumber(r)}`,
    r.chance(0.5) ? `Company: ${r.pick(COMPANIES)}` : `City: ${r.pick(CITIES)}`,
    r.chance(0.6)
      ? `Job title: ${r.pick(JOBS)}`
      : `Preferred contact time: ${r.pick(['mornings', 'after 5 pm', 'weekends'])}`,
    `Message: ${r.fill('{I would like a quote for|I have a question about|Please call me back about|I want to book} {a kitchen renovation|your premium plan|the <product>|a table for six on <date>}.', { product: PRODUCTS, date: () => date(r) })}`,
  ].join('\n');
}

function contactTable(r: SeededRandom): string {
  const rows = Array.from({ length: r.int(2, 5) }, () => {
    const name = fullName(r);
    return `${name}, ${emailAddress(r, name)}, ${phoneNumber(r)}, ${r.pick(CITIES)}`;
  });
  return `name, email, phone, city\n${rows.join('\n')}`;
}

function notes(r: SeededRandom): string {
  const a = fullName(r);
  const b = fullName(r);
  return r.fill(
    '{Call notes|Meeting notes|Notes from today}: spoke with <a> from <company> ({<phone>|<a_address>}). {They want|<a> wants} {a demo on <date>|pricing for 50 seats|the contract by <date>}. <b> will {send the proposal|follow up|book the room}. {Budget around <money>.|Decision expected <date>.|}',
    {
      a,
      b,
      company: COMPANIES,
      phone: () => phoneNumber(r),
      a_address: emailAddress(r, a),
      date: () => date(r),
      money: () => money(r),
    },
  );
}

const CONTENT = [emailBody, contactForm, contactTable, notes];

const PASTED_TASKS = lines(`
  Summarize this{ email| message| text|}:
  Extract every name, email address and phone number from the following text{| and return them as JSON}:
  Pull out the contact details from this and put them in a table:
  Who sent this and what do they want?
  Write a short, friendly reply to this:
  Create a to-do list from the following:
  What dates are mentioned here?
  Turn the following into a CSV with columns name, email, phone:
  Translate the following into {Spanish|French|German|Italian|Portuguese}:
  Is anything missing from this form before I submit it?
  Fix the formatting of the following:
  Classify the following message as {sales, support or spam|urgent or not urgent}:
  Anonymize this by replacing names, emails and phone numbers with placeholders:
  Draft a calendar invite based on the following:
  Check this for typos:
`);

/** Pasted content with a task before or after it. */
export function pastedContent(r: SeededRandom): Example {
  const task = r.fill(r.pick(PASTED_TASKS));
  const content = r.pick(CONTENT)(r);
  const text = r.chance(0.75) ? `${task}\n\n${content}` : `${content}\n\n${task.replace(/:$/, '.')}`;
  return benign(text, 'benign.pasted');
}

const SENTENCES = lines(`
  The meeting has been moved to <date>.
  Could you tell me where the nearest pharmacy is?
  We are looking forward to seeing you in <city>.
  Please keep your ticket until the end of the journey.
  The museum is closed on Mondays.
  I would like to order the <product> in black.
  My flight lands at seven in the evening.
  Thank you for your patience while we fix the problem.
  The package should arrive within three working days.
  Our team won the regional championship last weekend.
  Don't forget to bring a warm jacket, it gets cold at night.
  How much does a return ticket to <city> cost?
  Breakfast is served from seven to ten.
  The instructions for the oven are on the back of the box.
`);
const LANGUAGES = list(
  'Spanish|French|German|Italian|Portuguese|Dutch|Japanese|Korean|Chinese|Russian|Greek|Polish|Turkish|Arabic|Swedish|Hindi',
);

/** Translation and text transformation of the user's own sentences: "the following" as plain work. */
export function textTransform(r: SeededRandom): Example {
  const slots = {
    sentence: SENTENCES,
    language: LANGUAGES,
    date: () => date(r),
    city: CITIES,
    product: PRODUCTS,
  };
  const text = r.fill(
    r.pick(
      lines(`
      Translate "<sentence>" into <language>.
      Translate the following sentence into <language>: <sentence>
      How do you say "<sentence>" in <language>?
      Translate this from English to <language> and keep it formal: <sentence> <sentence>
      Rewrite the following sentence {in the past tense|in the passive voice|more formally|more casually|for a child}: <sentence>
      Paraphrase the following text in {plain English|fewer words|a friendlier tone}: <sentence> <sentence>
      Summarize the following in one sentence: <sentence> <sentence> <sentence>
      Read the following text and answer the question. Text: <sentence> <sentence> Question: {what is the main point|what happens next|who is speaking}?
      Identify the {verbs|nouns|adjectives|subject} in the following sentence: <sentence>
      Count the words in the following sentence: <sentence>
      Is the following sentence grammatically correct? <sentence>
      Put the following sentences in a logical order: <sentence> / <sentence> / <sentence>
      Generate {three|five} questions that could be answered by the following text: <sentence> <sentence>
      Turn the following into a polite request: <sentence>
    `),
    ),
    slots,
  );
  return benign(text, 'benign.text_transform');
}
