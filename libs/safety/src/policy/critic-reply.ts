import { z } from 'zod';
import { PolicyError } from './policy-error';

/** The critic's answer, after validation. */
export interface Critique {
  violates: boolean;
  /** Ids of the violated principles, limited to those that were asked about. */
  principles: string[];
  /** A minimal revision of the reviewed text that satisfies every principle, when one exists. */
  revisedText?: string;
  explanation: string;
}

const MAX_EXPLANATION_CHARS = 500;

// The contract is strict on purpose: a reply that does not follow it may be the model obeying
// instructions hidden in the text it reviews, and is treated as a failed review.
const replySchema = z.strictObject({
  violates: z.boolean(),
  principles: z.array(z.string().max(64)).max(64),
  revised_text: z.string().max(1_000_000).nullable().optional(),
  explanation: z.string(),
});

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const FENCED = /^```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/i;

/**
 * Validates a chat-completions response body and the JSON verdict in its first message. A verdict in a
 * code fence is accepted; prose around it, or anything that is not the contract, is not.
 */
export function parseCriticReply(body: string, asked: readonly string[]): Critique {
  const completion = completionSchema.safeParse(parseJson(body, 'the response body is not JSON'));
  if (!completion.success) throw malformed('the response is not a chat completion with a message');
  let content = completion.data.choices[0].message.content.trim();
  const fenced = FENCED.exec(content);
  if (fenced) content = fenced[1].trim();
  if (!content.startsWith('{')) throw malformed('the reply is not a JSON object');
  const reply = replySchema.safeParse(parseJson(content, 'the reply is not valid JSON'));
  if (!reply.success) {
    const where = reply.error.issues.map((i) => i.path.join('.') || '(reply)').join(', ');
    throw malformed(`the reply does not follow the contract (${where})`);
  }
  const { violates, principles, revised_text: revised, explanation } = reply.data;
  if (!violates && principles.length > 0)
    throw malformed('the reply names violated principles but says nothing is violated');
  // Principles the critic invents are ignored; "violates" without a known principle counts against all
  // of them, since the critic saw a problem and the engine cannot tell which principle it meant.
  const known = principles.filter((id) => asked.includes(id));
  return {
    violates,
    principles: violates ? (known.length > 0 ? [...new Set(known)] : [...asked]) : [],
    ...(violates && typeof revised === 'string' && revised.length > 0 ? { revisedText: revised } : {}),
    explanation: explanation.slice(0, MAX_EXPLANATION_CHARS),
  };
}

function parseJson(text: string, problem: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(problem);
  }
}

function malformed(problem: string): PolicyError {
  return PolicyError.reviewFailed('malformed_reply', `LLM review failed: ${problem}`);
}
