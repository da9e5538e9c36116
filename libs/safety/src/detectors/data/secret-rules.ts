import { characterClasses, shannonEntropy } from './entropy';
import { decodeJsonPart, fortyCharacterRunsNear, hasTokenChecksum, isPlaceholder } from './secret-checks';

export interface SecretMatch {
  /** e.g. `github_token`: the finding's detector becomes `secret.github_token`. */
  kind: string;
  /** Redaction label after `SECRET:`. */
  label: string;
  start: number;
  end: number;
  score: number;
  reason: string;
}

interface Assessment {
  score: number;
  reason: string;
  /** Narrower or wider span than the regex match (the password of a URL, a whole PEM block). */
  start?: number;
  end?: number;
}

/** A provider's credential format. `hints` are literals one of which must occur: a cheap gate before the regex. */
export interface SecretRule {
  kind: string;
  label: string;
  hints: readonly string[];
  pattern: RegExp;
  assess(match: RegExpExecArray, text: string): Assessment | undefined;
  /** Where to look, when reading the whole text with `pattern` would be wasteful. */
  find?(text: string): Iterable<RegExpExecArray>;
}

const fixed = (score: number, reason: string) => (match: RegExpExecArray) =>
  isPlaceholder(match[0]) ? undefined : { score, reason };

export const SECRET_RULES: readonly SecretRule[] = [
  {
    kind: 'aws_access_key_id',
    label: 'AWS_ACCESS_KEY_ID',
    hints: ['AKIA', 'ASIA'],
    pattern: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g,
    assess: ([key]) =>
      key.endsWith('EXAMPLE')
        ? { score: 0.5, reason: "AWS access key id (AWS's documentation example)" }
        : isPlaceholder(key.slice(4))
          ? undefined
          : { score: 0.9, reason: `AWS ${key.startsWith('ASIA') ? 'temporary ' : ''}access key id` },
  },
  {
    kind: 'aws_secret_access_key',
    label: 'AWS_SECRET_ACCESS_KEY',
    hints: ['aws', 'AWS', 'Aws', 'AKIA', 'ASIA'],
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    find: (text) => fortyCharacterRunsNear(text, /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws|secret_?access_?key/gi),
    assess: (match, text) => {
      const key = match[0];
      // Forty base64 characters are common (hashes, paths): only near an AWS key id or an AWS label, and
      // only with the mixed case and randomness of a real key (a hex SHA-1 has neither).
      if (characterClasses(key) < 3 || shannonEntropy(key) < 4) return undefined;
      const around = text.slice(Math.max(0, match.index - 200), match.index + 240);
      if (!/\b(?:AKIA|ASIA)[A-Z2-7]{16}\b|aws|secret_?access_?key/i.test(around)) return undefined;
      return key.includes('EXAMPLE')
        ? { score: 0.5, reason: "AWS secret access key (AWS's documentation example)" }
        : { score: 0.9, reason: 'AWS secret access key next to an AWS key id or label' };
    },
  },
  {
    kind: 'github_token',
    label: 'GITHUB_TOKEN',
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,251}\b/g,
    assess: ([token]) => {
      if (isPlaceholder(token.slice(4))) return undefined;
      return token.length === 40 && hasTokenChecksum(token, 4)
        ? { score: 0.99, reason: 'GitHub token with a valid checksum' }
        : { score: 0.85, reason: 'GitHub token format (checksum not confirmed)' };
    },
  },
  {
    kind: 'github_token',
    label: 'GITHUB_TOKEN',
    hints: ['github_pat_'],
    pattern: /\bgithub_pat_[A-Za-z0-9_]{70,255}\b/g,
    assess: fixed(0.97, 'GitHub fine-grained personal access token'),
  },
  {
    kind: 'gitlab_token',
    label: 'GITLAB_TOKEN',
    hints: ['glpat-', 'gldt-', 'glptt-', 'glrt-', 'gloas-'],
    pattern: /\bgl(?:pat|dt|ptt|rt|oas)-[A-Za-z0-9_-]{20,}/g,
    assess: fixed(0.95, 'GitLab token'),
  },
  {
    kind: 'slack_token',
    label: 'SLACK_TOKEN',
    hints: ['xox'],
    pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
    assess: fixed(0.95, 'Slack token'),
  },
  {
    kind: 'slack_webhook',
    label: 'SLACK_WEBHOOK',
    hints: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g,
    assess: fixed(0.95, 'Slack incoming-webhook URL (posting to it needs no other credential)'),
  },
  {
    kind: 'stripe_key',
    label: 'STRIPE_KEY',
    hints: ['_live_', '_test_', 'whsec_'],
    pattern: /\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,})\b/g,
    assess: ([key]) =>
      isPlaceholder(key.slice(8))
        ? undefined
        : key.includes('_live_')
          ? { score: 0.97, reason: 'Stripe live secret key' }
          : key.startsWith('whsec_')
            ? { score: 0.9, reason: 'Stripe webhook signing secret' }
            : { score: 0.6, reason: 'Stripe test-mode secret key' },
  },
  {
    kind: 'anthropic_api_key',
    label: 'ANTHROPIC_API_KEY',
    hints: ['sk-ant-'],
    pattern: /\bsk-ant-[a-z]{3,6}\d{2}-[A-Za-z0-9_-]{20,}/g,
    assess: fixed(0.97, 'Anthropic API key'),
  },
  {
    kind: 'openai_api_key',
    label: 'OPENAI_API_KEY',
    hints: ['sk-'],
    pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
    assess: ([key]) => {
      if (key.includes('T3BlbkFJ')) return { score: 0.97, reason: 'OpenAI API key' };
      const body = key.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '');
      if (body.length < 32 || isPlaceholder(body) || shannonEntropy(body) < 3.5 || characterClasses(body) < 2)
        return undefined;
      return { score: 0.85, reason: 'API key in the OpenAI sk- format' };
    },
  },
  {
    kind: 'google_api_key',
    label: 'GOOGLE_API_KEY',
    hints: ['AIza', 'GOCSPX-'],
    pattern: /\b(?:AIza[0-9A-Za-z_-]{35}|GOCSPX-[0-9A-Za-z_-]{28})(?![0-9A-Za-z_-])/g,
    assess: ([key]) =>
      isPlaceholder(key.slice(4))
        ? undefined
        : { score: 0.9, reason: key.startsWith('AIza') ? 'Google API key' : 'Google OAuth client secret' },
  },
  {
    kind: 'twilio_api_key',
    label: 'TWILIO_API_KEY',
    hints: ['SK'],
    pattern: /\bSK[0-9a-f]{32}\b/g,
    assess: (match, text) =>
      isPlaceholder(match[0].slice(2))
        ? undefined
        : /twilio/i.test(text.slice(Math.max(0, match.index - 120), match.index + 120))
          ? { score: 0.9, reason: 'Twilio API key' }
          : { score: 0.75, reason: 'API key in the Twilio SK format' },
  },
  {
    kind: 'sendgrid_api_key',
    label: 'SENDGRID_API_KEY',
    hints: ['SG.'],
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    assess: fixed(0.97, 'SendGrid API key'),
  },
  {
    kind: 'npm_token',
    label: 'NPM_TOKEN',
    hints: ['npm_'],
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    assess: ([token]) =>
      isPlaceholder(token.slice(4))
        ? undefined
        : hasTokenChecksum(token, 4)
          ? { score: 0.98, reason: 'npm access token with a valid checksum' }
          : { score: 0.85, reason: 'npm access token format (checksum not confirmed)' },
  },
  {
    kind: 'pypi_token',
    label: 'PYPI_TOKEN',
    hints: ['pypi-'],
    pattern: /\bpypi-[A-Za-z0-9_-]{50,}/g,
    assess: ([token]) =>
      // The macaroon of every PyPI token starts with the base64 of its issuer, "pypi.org".
      token.startsWith('pypi-AgEIcHlwaS5vcmc')
        ? { score: 0.97, reason: 'PyPI API token' }
        : isPlaceholder(token.slice(5))
          ? undefined
          : { score: 0.75, reason: 'token in the PyPI format' },
  },
  {
    kind: 'jwt',
    label: 'JWT',
    hints: ['eyJ'],
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    assess: ([token]) => {
      const header = decodeJsonPart(token.slice(0, token.indexOf('.')));
      if (!header || typeof header.alg !== 'string') return undefined;
      return header.alg.toLowerCase() === 'none'
        ? { score: 0.75, reason: 'unsigned JSON Web Token (alg none)' }
        : { score: 0.9, reason: `JSON Web Token (${header.alg})` };
    },
  },
  {
    kind: 'private_key',
    label: 'PRIVATE_KEY',
    hints: ['PRIVATE KEY'],
    pattern: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
    assess: (match, text) => {
      const start = match.index;
      const bodyStart = start + match[0].length;
      const endMarker = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
      endMarker.lastIndex = bodyStart;
      const close = endMarker.exec(text);
      // Without an END line, the key material is the base64 that follows; with one, everything up to it.
      let end = close ? close.index + close[0].length : bodyStart;
      if (!close) while (end < text.length && /[A-Za-z0-9+/=\s:-]/.test(text[end])) end++;
      const material = text.slice(bodyStart, close ? close.index : end).replace(/[^A-Za-z0-9+/]/g, '');
      return material.length >= 40
        ? { score: 0.99, reason: 'private key (PEM block with key material)', start, end }
        : { score: 0.4, reason: 'private key header without key material', start, end };
    },
  },
  {
    kind: 'connection_string',
    label: 'CONNECTION_PASSWORD',
    hints: ['://'],
    // The password may hold '#' or '?' that a careful author would have percent-encoded; the host may not.
    pattern:
      /\b([a-z][a-z0-9+.-]{1,24}):\/\/([^\s:@/?#'"`]{1,128}):([^\s@/'"`]{1,256})@([^\s/?#:'"`@]{1,253})/gi,
    find: function* (text) {
      // Anchored at each "://": the unanchored regex tried every word of the text as a scheme.
      const sticky =
        /([a-z][a-z0-9+.-]{1,24}):\/\/([^\s:@/?#'"`]{1,128}):([^\s@/'"`]{1,256})@([^\s/?#:'"`@]{1,253})/iy;
      for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
        let start = at;
        while (start > 0 && at - start < 25 && /[A-Za-z0-9+.-]/.test(text[start - 1])) start--;
        while (start < at && !/[A-Za-z]/.test(text[start])) start++;
        sticky.lastIndex = start;
        const match = sticky.exec(text);
        if (match) yield match;
      }
    },
    assess: (match) => {
      const [, scheme, user, password, host] = match;
      if (
        /^(?:\[REDACTED[^\]]*\]|\*+|x+|\.{3}|…|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{[^}]*\}\}|%[A-Za-z0-9_]+%|pass(?:word)?|secret|changeme)$/i.test(
          password,
        )
      )
        return undefined;
      const start = match.index + scheme.length + 3 + user.length + 1;
      const local = /^(?:localhost|127\.0\.0\.1|db|postgres|mysql|redis|example\.\w+)$/i.test(host);
      const weak = shannonEntropy(password) < 2.5 || password === user;
      return {
        score: local && weak ? 0.5 : 0.9,
        reason: `password in a ${scheme.toLowerCase()}:// connection string${local && weak ? ' (local development default)' : ''}`,
        start,
        end: start + password.length,
      };
    },
  },
];
