import { characterClasses, shannonEntropy, UUID } from './entropy';
import type { SecretMatch } from './secret-rules';

/** Words that can end a credential's name; the scan starts from these, then reads the whole name around. */
const KEYWORD = /key|token|secret|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth/gi;
/** The full name must END in a credential word: `db_password` is one, `password_policy` or `token_url` not. */
const CREDENTIAL_NAME =
  /(?:^|[^a-z])(?:api[_.-]?key|apikey|access[_.-]?key(?:[_.-]?id)?|secret(?:[_.-]?(?:access[_.-]?)?key)?|client[_.-]?secret|app[_.-]?secret|api[_.-]?secret|webhook[_.-]?secret|signing[_.-]?key|encryption[_.-]?key|private[_.-]?key|master[_.-]?key|(?:access|auth|refresh|bearer|api|session|bot|personal)?[_.-]?token|password|passwd|pwd|pass|passphrase|credentials?)$|(?:secret|token|key|password|passwd)$/i;
const PASSWORD_NAME = /(?:password|passwd|pwd|pass|passphrase)$/i;
/** Identifiers that end in a credential word but hold no credential. */
const NOT_CREDENTIAL_NAME =
  /(?:^|[_.-])(?:public|publishable|max|min|num|count|next|page|csrf|cache|sort|partition|primary|foreign|hot|monkey|turkey|whiskey|hockey|donkey)[_.-]?(?:key|token)$|^(?:key|keys|token|tokens|pass)$/i;
/**
 * Values that stand in for a credential: placeholders, template and environment references, masked or
 * already-redacted values, and ordinary words.
 */
const PLACEHOLDER =
  /^(?:<[^>]*>|\$\{[^}]*\}|\$\(?[A-Za-z_]\w*\)?|\{\{[^}]*\}\}|%\(?[A-Za-z_]+\)?s?|%[A-Za-z_]+%|\[REDACTED.*|\[[A-Z_ ]+\]|[x*._•-]{3,}|…|null|none|nil|undefined|true|false|yes|no|on|off|required|optional|string|str|text|value|secret|password|changeme|change[_-]?me|placeholder|redacted|hidden|masked|todo|tbd|fixme|example\w*|sample\w*|dummy\w*|fake\w*|test\w*|your[\w-]*|my[\w-]*|insert[\w-]*|enter[\w-]*|replace[\w-]*|(?:process\.env|os\.environ|os\.getenv|env|config|settings|secrets|vault)\b.*)$/i;
/** An unquoted bare identifier (`token = self.token`, `API_KEY=API_KEY`) is a reference, not a value. */
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(\))?$/;
const BEARER = /\b(?:bearer|basic)\s+([A-Za-z0-9._~+/-]{16,}=*)/gi;

const isNameChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) ||
  ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
  code === 0x5f ||
  code === 0x2d ||
  code === 0x2e;
const isSpace = (code: number) => code === 0x20 || code === 0x09;

/**
 * Credentials assigned to a credential-like name in code, configuration, JSON, YAML, .env files or command
 * lines (`api_key = "…"`, `"secret": "…"`, `PASSWORD=…`, `--token …`), and Authorization headers. Only the
 * value is reported, so redaction keeps the name readable. Tokens must look random (Shannon entropy and mixed
 * character classes); passwords need not, but must not be a placeholder or a plain word.
 */
export function findAssignedCredentials(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  let skipUntil = 0;
  KEYWORD.lastIndex = 0;
  for (let found = KEYWORD.exec(text); found; found = KEYWORD.exec(text)) {
    if (found.index < skipUntil) continue;
    let nameStart = found.index;
    while (nameStart > 0 && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
    let nameEnd = found.index + found[0].length;
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    skipUntil = nameEnd;
    const name = text.slice(nameStart, nameEnd).replace(/^-+/, '');
    if (!CREDENTIAL_NAME.test(name) || NOT_CREDENTIAL_NAME.test(name)) continue;
    const value = readAssignedValue(text, nameStart, nameEnd);
    if (!value) continue;
    const match = judgeValue(text, name, value);
    if (match) {
      matches.push(match);
      skipUntil = value.end;
      KEYWORD.lastIndex = value.end;
    }
  }
  BEARER.lastIndex = 0;
  for (let found = BEARER.exec(text); found; found = BEARER.exec(text)) {
    const token = found[1];
    if (shannonEntropy(token) < 3.5 || PLACEHOLDER.test(token)) continue;
    const start = found.index + found[0].length - token.length;
    matches.push({
      kind: 'authorization_header',
      label: 'AUTH_TOKEN',
      start,
      end: start + token.length,
      score: 0.85,
      reason: 'credential in an HTTP Authorization header',
    });
  }
  return matches;
}

interface AssignedValue {
  start: number;
  end: number;
  quoted: boolean;
}

/** The value after `name`: `name = v`, `name: v`, `"name": "v"`, `name := v`, `name => v`, `--name v`. */
function readAssignedValue(text: string, nameStart: number, nameEnd: number): AssignedValue | undefined {
  let at = nameEnd;
  const quote = text[at];
  if ((quote === '"' || quote === "'" || quote === '`') && text[nameStart - 1] === quote) at++;
  while (isSpace(text.charCodeAt(at))) at++;
  const operator = /^(?::=|=>|==|[:=])/.exec(text.slice(at, at + 2));
  const flag = text.startsWith('--', nameStart - 2) || text.startsWith('--', nameStart);
  if (operator) {
    if (operator[0] === '==') return undefined; // a comparison, not an assignment
    at += operator[0].length;
  } else if (!(flag && isSpace(text.charCodeAt(at - 1)))) return undefined;
  while (isSpace(text.charCodeAt(at))) at++;
  const open = text[at];
  if (open === '"' || open === "'" || open === '`') {
    const close = text.indexOf(open, at + 1);
    if (close < 0 || close - at > 512 || text.slice(at + 1, close).includes('\n')) return undefined;
    return { start: at + 1, end: close, quoted: true };
  }
  let end = at;
  while (end < text.length && end - at < 512 && !/[\s,;)}\]"'`<>]/.test(text[end])) end++;
  while (end > at && (text[end - 1] === '.' || text[end - 1] === ':')) end--; // the sentence goes on
  // `password = prompt("…")`: a call computes the value; there is none in the text.
  if (text.slice(at, end).includes('(')) return undefined;
  return end > at ? { start: at, end, quoted: false } : undefined;
}

function judgeValue(
  text: string,
  name: string,
  { start, end, quoted }: AssignedValue,
): SecretMatch | undefined {
  const value = text.slice(start, end);
  if (PLACEHOLDER.test(value) || UUID.test(value) || (!quoted && REFERENCE.test(value) && !/\d/.test(value)))
    return undefined;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (PASSWORD_NAME.test(name)) {
    // Passwords are often low-entropy; what rules one out is being too short, one repeated character,
    // or a plain lower-case word left unquoted (`password: required`).
    if (value.length < 6 || entropy < 1.5 || (!quoted && /^[a-z]+$/.test(value))) return undefined;
    return {
      kind: 'password',
      label: 'PASSWORD',
      start,
      end,
      score: classes >= 3 || value.length >= 12 ? 0.85 : 0.7,
      reason: `password assigned to "${name}"`,
    };
  }
  if (value.length < 12 || entropy < 3 || classes < 2 || /^\d+$/.test(value)) return undefined;
  return {
    kind: 'generic_credential',
    label: 'CREDENTIAL',
    start,
    end,
    score: value.length >= 20 && entropy >= 3.5 ? 0.85 : 0.7,
    reason: `high-entropy value (${entropy.toFixed(1)} bits/char) assigned to "${name}"`,
  };
}
