/**
 * A code fence that the content cannot close early: one backtick longer than the longest run inside it.
 * Keeps the attack text verbatim even when a chained strategy already fenced it.
 */
export function fenced(content: string, info = ''): string {
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${content}\n${fence}`;
}
