/**
 * Decodes encodings the normaliser leaves alone because they are rare in ordinary text and unambiguous
 * when they do occur: runs of 8-bit binary octets ("01001001 01100111 …") and Morse code (".. --. -. …").
 * Attackers use both to carry instructions past filters that read only plain text.
 */
export interface EncodedRun {
  encoding: 'binary' | 'morse';
  /** Offsets in the text searched. */
  start: number;
  end: number;
  decoded: string;
}

const BINARY_RUN = /(?:[01]{8}[\s,]*){6,}/g;
const MORSE_RUN = /(?:[.\-·−]{1,7}(?:\s*\/\s*|\s+)){8,}[.\-·−]{1,7}/g;

const MORSE: Record<string, string> = {
  '.-': 'a',
  '-...': 'b',
  '-.-.': 'c',
  '-..': 'd',
  '.': 'e',
  '..-.': 'f',
  '--.': 'g',
  '....': 'h',
  '..': 'i',
  '.---': 'j',
  '-.-': 'k',
  '.-..': 'l',
  '--': 'm',
  '-.': 'n',
  '---': 'o',
  '.--.': 'p',
  '--.-': 'q',
  '.-.': 'r',
  '...': 's',
  '-': 't',
  '..-': 'u',
  '...-': 'v',
  '.--': 'w',
  '-..-': 'x',
  '-.--': 'y',
  '--..': 'z',
  '-----': '0',
  '.----': '1',
  '..---': '2',
  '...--': '3',
  '....-': '4',
  '.....': '5',
  '-....': '6',
  '--...': '7',
  '---..': '8',
  '----.': '9',
  '.-.-.-': '.',
  '--..--': ',',
  '..--..': '?',
  '-.-.--': '!',
  '.----.': "'",
};

export function findEncodedRuns(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  if (text.includes('0') && text.includes('1')) {
    BINARY_RUN.lastIndex = 0;
    for (let m = BINARY_RUN.exec(text); m !== null; m = BINARY_RUN.exec(text)) {
      const decoded = (m[0].match(/[01]{8}/g) ?? [])
        .map((octet) => String.fromCharCode(parseInt(octet, 2)))
        .join('');
      if (printable(decoded))
        runs.push({ encoding: 'binary', start: m.index, end: m.index + m[0].length, decoded });
    }
  }
  if (text.includes('.-') || text.includes('-.')) {
    MORSE_RUN.lastIndex = 0;
    for (let m = MORSE_RUN.exec(text); m !== null; m = MORSE_RUN.exec(text)) {
      // Letters are separated by one space, words by two or more spaces or a slash.
      const decoded = m[0]
        .replace(/[·]/g, '.')
        .replace(/[−]/g, '-')
        .trim()
        .split(/\s*\/\s*|\s{2,}/)
        .map((word) =>
          word
            .split(/\s+/)
            .map((code) => MORSE[code] ?? '')
            .join(''),
        )
        .join(' ');
      if (decoded.replace(/\s/g, '').length >= 6)
        runs.push({ encoding: 'morse', start: m.index, end: m.index + m[0].length, decoded });
    }
  }
  return runs;
}

/** Mostly letters, digits, spaces and punctuation: octets that decode to text, not to noise. */
function printable(decoded: string): boolean {
  let good = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10) good++;
  }
  return decoded.length > 0 && good / decoded.length > 0.9 && /[a-z]{3}/i.test(decoded);
}
