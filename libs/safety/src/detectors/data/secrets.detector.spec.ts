import { crc32 } from 'node:zlib';
import { analyzeText } from '../../normalize/analyze-text';
import { SecretsDetector } from './secrets.detector';

const detector = new SecretsDetector();
const detect = (text: string) => detector.detect(analyzeText(text), { direction: 'input' });
const found = (text: string) =>
  detect(text).map((f) => ({
    detector: f.detector,
    redaction: f.redaction,
    evidence: text.slice(f.span!.start, f.span!.end),
  }));

/** A token in GitHub's/npm's format with the base62 CRC32 checksum the real issuers append. */
function checksummed(prefix: string, body: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = crc32(body);
  let checksum = '';
  for (let i = 0; i < 6; i++, value = Math.floor(value / 62)) checksum = alphabet[value % 62] + checksum;
  return prefix + body + checksum;
}

const GITHUB = checksummed('ghp_', 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0');
const NPM = checksummed('npm_', 'Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh9Gf0');
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ.' +
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('SecretsDetector: provider formats', () => {
  it.each([
    [
      'AWS access key id',
      'key AKIAQYLPMN5HGR4WZ3TB here',
      'secret.aws_access_key_id',
      'AKIAQYLPMN5HGR4WZ3TB',
    ],
    ['GitHub token', `token: ${GITHUB}`, 'secret.github_token', GITHUB],
    [
      'GitHub fine-grained token',
      `github_pat_11ABCDEFG0${'aZ9'.repeat(26)}x`,
      'secret.github_token',
      `github_pat_11ABCDEFG0${'aZ9'.repeat(26)}x`,
    ],
    [
      'GitLab token',
      'use glpat-Xk29fLm3Qp8vRz7TnW4s to push',
      'secret.gitlab_token',
      'glpat-Xk29fLm3Qp8vRz7TnW4s',
    ],
    [
      'Slack bot token',
      'SLACK xoxb-2837465019-9384756102-aK3mP9qR2sT5vW8x',
      'secret.slack_token',
      'xoxb-2837465019-9384756102-aK3mP9qR2sT5vW8x',
    ],
    [
      'Stripe live key',
      'stripe sk_live_51H8xYzAbCdEfGhIjKlMnOpQr done',
      'secret.stripe_key',
      'sk_live_51H8xYzAbCdEfGhIjKlMnOpQr',
    ],
    [
      'OpenAI project key',
      'sk-proj-Ab3De5Fg7Hi9Jk1Lm2No4Pq6Rs8T3BlbkFJTu0VwXyZaBc',
      'secret.openai_api_key',
      'sk-proj-Ab3De5Fg7Hi9Jk1Lm2No4Pq6Rs8T3BlbkFJTu0VwXyZaBc',
    ],
    [
      'Anthropic key',
      `sk-ant-api03-${'Qw3rTy7UiOp1AsDf'.repeat(6)}AA`,
      'secret.anthropic_api_key',
      `sk-ant-api03-${'Qw3rTy7UiOp1AsDf'.repeat(6)}AA`,
    ],
    [
      'Google API key',
      'maps AIzaSyD4kP9xLm2Qv7Rt3Wz8Yb1Nc6Hf5Jg0Ks4 ok',
      'secret.google_api_key',
      'AIzaSyD4kP9xLm2Qv7Rt3Wz8Yb1Nc6Hf5Jg0Ks4',
    ],
    [
      'Twilio API key',
      'twilio SK2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c',
      'secret.twilio_api_key',
      'SK2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c',
    ],
    [
      'SendGrid key',
      `SG.${'aB3dE5fG7hJ9kL1mN2pQ4r'}.${'sT6uV8wX0yZ2aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2u'}`,
      'secret.sendgrid_api_key',
      `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`,
    ],
    ['npm token', `//registry.npmjs.org/:_authToken=${NPM}`, 'secret.npm_token', NPM],
    [
      'PyPI token',
      `password = pypi-AgEIcHlwaS5vcmc${'Rk9vQmFy'.repeat(8)}`,
      'secret.pypi_token',
      `pypi-AgEIcHlwaS5vcmc${'Rk9vQmFy'.repeat(8)}`,
    ],
    ['JSON Web Token', `Authorization: Bearer ${JWT}`, 'secret.jwt', JWT],
  ])('finds a %s, labelled SECRET:<kind>', (_label, text, detectorId, evidence) => {
    const [finding] = found(text);
    expect(finding).toEqual({
      detector: detectorId,
      redaction: expect.stringMatching(/^SECRET:[A-Z_]+$/),
      evidence,
    });
  });

  it('gives a GitHub or npm token with a valid checksum near-certainty and a look-alike less', () => {
    const valid = detect(`a ${GITHUB}`)[0];
    const forged = detect(`a ${GITHUB.slice(0, -1)}${GITHUB.endsWith('A') ? 'B' : 'A'}`)[0];
    expect(valid.score).toBeGreaterThanOrEqual(0.99);
    expect(forged.score).toBeLessThan(0.9);
    expect(detect(NPM)[0].score).toBeGreaterThanOrEqual(0.98);
  });

  it('finds an AWS secret access key next to its key id, and a whole PEM private key', () => {
    const aws =
      'aws_access_key_id=AKIAQYLPMN5HGR4WZ3TB\naws_secret_access_key=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';
    expect(found(aws).map((f) => f.detector)).toEqual([
      'secret.aws_access_key_id',
      'secret.aws_secret_access_key',
    ]);
    const pem =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi7v8vB0nQz1XyZ\n' +
      'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY\n-----END RSA PRIVATE KEY-----';
    expect(found(`key:\n${pem}\nthanks`)).toEqual([
      { detector: 'secret.private_key', redaction: 'SECRET:PRIVATE_KEY', evidence: pem },
    ]);
  });

  it('reports only the password of a connection string', () => {
    expect(found('DATABASE_URL=postgres://app:Xk9#mP2vQ7z@db.prod.internal:5432/app')).toEqual([
      {
        detector: 'secret.connection_string',
        redaction: 'SECRET:CONNECTION_PASSWORD',
        evidence: 'Xk9#mP2vQ7z',
      },
    ]);
  });
});

describe('SecretsDetector: credentials assigned to credential-like names', () => {
  it.each([
    ['a Python assignment', 'api_key = "f3K9xQ2mZ7pL4vR8tW1yB6nC"', 'f3K9xQ2mZ7pL4vR8tW1yB6nC'],
    [
      'a JSON property',
      '{"client_secret": "9f8e7d6c5b4a3928Zx1706f5e4d3c2b1"}',
      '9f8e7d6c5b4a3928Zx1706f5e4d3c2b1',
    ],
    ['a .env line', 'STRIPE_WEBHOOK_SECRET=Wq7Zr2Xk9Lp4Mn8Bv3Cx6', 'Wq7Zr2Xk9Lp4Mn8Bv3Cx6'],
    ['a YAML password', 'db:\n  password: S3cure!Pass', 'S3cure!Pass'],
    ['a camelCase access token', 'const accessToken = `tK8mQ3vX9pL2zR7wN4yB`;', 'tK8mQ3vX9pL2zR7wN4yB'],
    ['a command-line flag', 'mysql --password hunter2!x -h db', 'hunter2!x'],
  ])('finds %s, reporting the value only', (_label, text, evidence) => {
    expect(found(text).map((f) => f.evidence)).toEqual([evidence]);
  });

  it('reports a provider token once, under its specific format, when it is also assigned to a name', () => {
    expect(found(`GITHUB_TOKEN="${GITHUB}"`)).toEqual([
      { detector: 'secret.github_token', redaction: 'SECRET:GITHUB_TOKEN', evidence: GITHUB },
    ]);
  });

  it.each([
    ['a UUID', 'api_key = "123e4567-e89b-12d3-a456-426614174000"'],
    ['a git SHA in a commit log', 'commit 3f786850e387550fdab836ed7e6dc881de23001b\nMerge: a1b2c3d'],
    [
      'a hash described as a hash',
      'sha256 checksum: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
    [
      'a base64 image',
      'logo: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    ],
    [
      'environment and template references',
      'api_key = os.environ["OPENAI_API_KEY"]\ntoken: ${GITHUB_TOKEN}\nsecret = {{ vault.secret }}',
    ],
    [
      'placeholders',
      'API_KEY=your-api-key-here\npassword: "********"\nsecret: <secret>\ntoken = "xxxxxxxxxxxxxxxx"',
    ],
    ['a variable passed along', 'client = Client(api_key=api_key, token=self.token)'],
    ['a value computed by a call', 'const password = prompt("Enter password"); const apiKey = getApiKey();'],
    [
      'settings that merely name credentials',
      'max_tokens: 4096\npassword_min_length = 12\ntoken_url = https://auth.acme.io/token',
    ],
    ['a plain word for a password', 'password: required'],
    ['a comparison', 'if token == expected_token:'],
    [
      'placeholder provider keys in docs',
      'export OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nAKIAXXXXXXXXXXXXXXXX',
    ],
    ['a redacted value', 'api_key = [REDACTED:SECRET:CREDENTIAL]'],
    ['prose about keys', 'Rotate your API keys often and never share a password or a private key in chat.'],
    [
      'a PEM public key',
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----',
    ],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("scores AWS's documentation example key lower than a real-looking one", () => {
    const example = detect('AKIAIOSFODNN7EXAMPLE')[0];
    const real = detect('AKIAQYLPMN5HGR4WZ3TB')[0];
    expect(example.score).toBeLessThan(real.score);
  });
});
