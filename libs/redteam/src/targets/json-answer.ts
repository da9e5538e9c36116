/**
 * The JSON objects a model may have meant in its answer, most literal first: the whole answer, the
 * inside of a ```json fence, and the span from the first `{` to the last `}` (JSON inside prose). Models
 * asked for "JSON only" still wrap it often enough that every reader of such answers needs all three.
 */
export function jsonObjectCandidates(content: string): unknown[] {
  const texts = [content.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  if (fenced?.[1]) texts.push(fenced[1].trim());
  const first = content.indexOf('{');
  const last = content.lastIndexOf('}');
  if (first !== -1 && last > first) texts.push(content.slice(first, last + 1));
  const values: unknown[] = [];
  for (const text of texts) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) values.push(value);
    } catch {
      // not this one
    }
  }
  return values;
}
