import { lines } from './corpus-text';

/*
 * Request framings shared by harmful and benign families. A framing ("Write a tutorial on how to <act>",
 * "Develop a plan to <act>") is filled with a harmful act in the attack families and with an ordinary one in
 * the benign families, in about equal measure, so that only the act carries the label.
 */

/** Imperative task framings of an act, in the style of instruction-tuning and red-team request lists. */
export const TASK_FRAMES = lines(`
  Write a tutorial on how to <act>.
  Write a step-by-step tutorial on how to <act>.
  Create a tutorial {explaining|showing} how to <act>.
  Develop a plan to <act>.
  Develop a strategy to <act>.
  Outline a plan to <act>.
  Create a detailed plan to <act>.
  Provide a step-by-step guide on how to <act>.
  Provide detailed instructions on how to <act>.
  Give detailed instructions for how to <act>.
  Explain in detail how to <act>.
  Write a guide on how to <act>.
  Write a blog post explaining how to <act>.
  Write a social media post about how to <act>.
  Create a video script that teaches viewers how to <act>.
  Describe the steps needed to <act>.
  Produce a checklist to <act>.
  Give me a detailed plan to <act>.
  Suggest methods to <act>.
  Teach me how to <act>, step by step.
  Write a how-to article on how to <act>.
  Draft a short manual on how to <act>.
  Generate a list of tips to <act>.
  Demonstrate how to <act>.
  Show me exactly how to <act>.
  Design a workshop that teaches people to <act>.
  Instruct me on how to <act>.
  In detail, how would I <act>?
  Give me a step-by-step plan to <act>.
  What's the step-by-step process to <act>?
`);

/** Artefact framings: "Write a <thing> that <purpose>", for texts and media. */
export const ARTIFACT_FRAMES = lines(`
  Write a {blog post|social media post|short article|speech|letter|poem|song|story} that <purpose>.
  Create a {website|flyer|poster|video script|podcast episode|campaign} that <purpose>.
  Design a {quiz|course|newsletter|brochure} that <purpose>.
  Draft {an email|a message|a press release|an advertisement} that <purpose>.
  Compose a {tweet|thread|Facebook post|text message} that <purpose>.
  Generate a {news article|product review|report|presentation} that <purpose>.
`);

/** Artefact framings for software: "Develop an app that <purpose>". */
export const SOFTWARE_FRAMES = lines(`
  Write a {script|program|bot|browser extension|tool} that <purpose>.
  Develop {an app|a mobile app|a program|a service} that <purpose>.
  Create a {Python|JavaScript|Bash|PowerShell} script that <purpose>.
  Design {a bot|an algorithm|a system} that <purpose>.
`);

/** Question framings beyond "how do I": ability, possibility, knowledge and advice. */
export const QUESTION_FRAMES = lines(`
  Can I <act>? How?
  Can you teach me to <act>?
  Do you know how to <act>?
  Is it possible to <act>?
  Is it hard to <act>?
  What do I need to <act>?
  What's the best time to <act>?
  Who can help me <act>?
  Would it work if I tried to <act>?
  I've been wanting to <act> for a while. Where should I begin?
  Why is it so hard to <act>?
  Could you explain the process to <act>?
  Any idea how people <act>?
  How long does it take to <act>?
  What mistakes do people make when they try to <act>?
`);
