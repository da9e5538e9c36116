/** The request a fabricated dialogue leaves for the model to answer, in original-text offsets. */
export interface DialogueTail {
  start: number;
  end: number;
  decoded: string;
}

// A speaker label at the start of a line, with the markup transcripts use ("User:", "<user>:", "[AI]:",
// "### Human:", "**Assistant:**"). Group 1 is the speaker, group 2 what the line says after the label.
const LABEL =
  /^[ \t]*(?:#{1,6}[ \t]*)?[*_[<(]{0,3}[ \t]*(user|human|customer|me|q|question|assistant|ai|bot|chatbot|model|gpt|chatgpt|agent|a|answer)[ \t]*\d*[ \t]*[*_\]>)]{0,3}[ \t]*[:：][*_]{0,2}[ \t]*(.*)$/i;
const ASKER = new Set(['user', 'human', 'customer', 'me', 'q', 'question']);
/** One earlier exchange (asker then answerer) before the open one, at the least. */
const MIN_ANSWERS = 1;
const MAX_LINES = 4_000;

/**
 * A prompt written as a dialogue that ends on an empty answer slot ("...\nUser: <request>\nAssistant:") asks
 * the model to answer its last user turn, whatever the turns before it say: that is how many-shot and
 * fake-transcript jailbreaks work. The last turn is handed to the rescan as if it had been sent alone, so
 * padding it with harmless exchanges does not dilute it. A transcript that ends with an answer (pasted for
 * a summary or a review) has no open slot and is left alone.
 */
export function findDialogueTail(text: string): DialogueTail | undefined {
  if (text.length < 20 || !/[:：][*_]{0,2}\s*$/.test(text)) return undefined;
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length && lines.length < MAX_LINES;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  let last = lines.length - 1;
  while (last >= 0 && text.slice(lines[last].start, lines[last].end).trim() === '') last--;
  const slot = last >= 0 ? LABEL.exec(text.slice(lines[last].start, lines[last].end)) : null;
  if (!slot || ASKER.has(slot[1].toLowerCase()) || slot[2].trim() !== '') return undefined;
  // Walk back to the asker's turn that the open slot answers, then count the answers before it.
  let ask = -1;
  for (let i = last - 1; i >= 0; i--) {
    const label = LABEL.exec(text.slice(lines[i].start, lines[i].end));
    if (!label) continue;
    if (!ASKER.has(label[1].toLowerCase())) return undefined;
    ask = i;
    break;
  }
  if (ask < 0) return undefined;
  let answers = 0;
  for (let i = 0; i < ask; i++) {
    const label = LABEL.exec(text.slice(lines[i].start, lines[i].end));
    if (label && !ASKER.has(label[1].toLowerCase())) answers++;
  }
  if (answers < MIN_ANSWERS) return undefined;
  const askLine = lines[ask];
  const labelled = LABEL.exec(text.slice(askLine.start, askLine.end))!;
  const start = askLine.end - labelled[2].length;
  const end = lines[last - 1].end;
  const decoded = text.slice(start, end).trim();
  return decoded.length >= 8 ? { start, end, decoded } : undefined;
}
