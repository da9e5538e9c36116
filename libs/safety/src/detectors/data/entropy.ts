/** Shannon entropy in bits per character: ~4.7+ for random base62, under 3 for words and placeholders. */
const asciiCounts = new Int32Array(128);

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  let others: Map<number, number> | undefined;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) asciiCounts[code]++;
    else (others ??= new Map()).set(code, (others.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  const add = (count: number) => {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  };
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128 && asciiCounts[code] > 0) {
      add(asciiCounts[code]);
      asciiCounts[code] = 0; // counted once, and the table is clean for the next call
    }
  }
  if (others) for (const count of others.values()) add(count);
  return entropy;
}

/** How many of lower case, upper case, digits and symbols the value uses. */
export function characterClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) lower = 1;
    else if (code >= 0x41 && code <= 0x5a) upper = 1;
    else if (code >= 0x30 && code <= 0x39) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
