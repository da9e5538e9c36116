/** ASCII character classes shared by the character pass and the payload decoder. */
export const BASE64_STANDARD = 1;
export const BASE64_URL_SAFE = 2;
export const HEX_DIGIT = 4;

/** For each ASCII code: which encodings' alphabets it belongs to. */
export const ENCODING_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(char)) ENCODING_CLASS[c] = BASE64_STANDARD | BASE64_URL_SAFE;
  if (/[0-9A-Fa-f]/.test(char)) ENCODING_CLASS[c] |= HEX_DIGIT;
}
ENCODING_CLASS[0x2b] = BASE64_STANDARD; // +
ENCODING_CLASS[0x2f] = BASE64_STANDARD; // /
ENCODING_CLASS[0x2d] = BASE64_URL_SAFE; // -
ENCODING_CLASS[0x5f] = BASE64_URL_SAFE; // _

/** Shortest run of base64 or hex characters worth decoding. */
export const MIN_ENCODED_RUN = 16;
