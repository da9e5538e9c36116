/**
 * Output checks see the response, not always what it answers. A response that plainly goes along with a
 * request ("Sure! Here's how…", a numbered list) inherits that request's harm: answering "how do I poison
 * my coworker" with three generic steps is still complying. These helpers decide when a response complies
 * and which request it answers; SafetyGuard scores that request with its input detectors.
 */

const OPENING = 200;
// A response that sets out to do what was asked.
const COMPLIES =
  /^\W{0,4}(?:sure|of course|absolutely|certainly|okay|ok|yes|gladly|happy to help|no problem|here(?:'s| is| are| you go)|great question|step 1|1[.)]|first(?:,|ly| of all)|\[[a-z ]*mode\])/i;
const LIST_ITEM = /^\s*(?:\d+[.)]|[-*•]|step \d+:?)\s+\S/gim;
// A response that declines, in its opening.
const REFUSES =
  /\b(?:i can(?:'|no)t|i cannot|i won'?t|i will not|i'?m (?:sorry|unable|not able)|i am (?:sorry|unable|not able)|as an ai|i must decline|i'?m afraid|not able to help|can'?t help with|won'?t be able)\b/i;

/** Whether the response reads as doing what it was asked (and not as declining). */
export function responseComplies(response: string): boolean {
  const opening = response.slice(0, OPENING);
  if (REFUSES.test(opening)) return false;
  if (COMPLIES.test(opening.trimStart())) return true;
  LIST_ITEM.lastIndex = 0;
  let items = 0;
  while (LIST_ITEM.exec(response) !== null && items < 3) items++;
  return items >= 3;
}

/** The last user message of the conversation, which the response answers; undefined without one. */
export function lastUserRequest(
  messages: readonly { role: string; content: string }[] | undefined,
): string | undefined {
  if (!messages) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return message.content.trim() === '' ? undefined : message.content;
  }
  return undefined;
}
