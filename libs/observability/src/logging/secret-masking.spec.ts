import { REDACTED, isSecretKey, maskSecrets, redactSecrets, serializeError } from './secret-masking';

describe('maskSecrets', () => {
  it.each([
    [
      'postgresql://rampart:s3cr3t-pw@db:5432/rampart',
      'postgresql://rampart:***@db:5432/rampart',
      's3cr3t-pw',
    ],
    ['redis://:hunter2@cache:6379/0', 'redis://:***@cache:6379/0', 'hunter2'],
    ['nats://user:p%40ss@nats:4222', 'nats://user:***@nats:4222', 'p%40ss'],
    ['connect to amqps://u:pw12345@mq failed', 'connect to amqps://u:***@mq failed', 'pw12345'],
  ])('masks the password in the URL %s', (input, expected, secret) => {
    expect(maskSecrets(input)).toBe(expected);
    expect(maskSecrets(input)).not.toContain(secret);
  });

  it('leaves URLs without credentials alone', () => {
    expect(maskSecrets('GET https://api.example.com/v1/items?page=2')).toBe(
      'GET https://api.example.com/v1/items?page=2',
    );
  });

  it('masks secret query parameters and keeps the others', () => {
    expect(maskSecrets('https://x.io/cb?state=abc&access_token=tok123456&api_key=k999')).toBe(
      'https://x.io/cb?state=abc&access_token=***&api_key=***',
    );
  });

  it.each([
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature', 'eyJhbGciOiJIUzI1NiJ9'],
    ['authorization: bearer abcdef1234567890', 'abcdef1234567890'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['openai key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123', 'AbCdEfGhIjKlMnOpQrStUvWx0123'],
    ['anthropic sk-ant-api03-AbCdEfGhIjKlMnOpQrSt', 'AbCdEfGhIjKlMnOpQrSt'],
    ['github ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['github github_pat_11ABCDEFG0abcdefghij_klmnopqrstuv', '11ABCDEFG0abcdefghij'],
    ['slack xoxb-1234567890-abcdefghij', '1234567890-abcdefghij'],
    ['slack xoxp-1234567890-abcdefghij', '1234567890-abcdefghij'],
    ['aws AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7EXAMPLE'],
    ['stripe sk_live_abcdefghijklmnop1234', 'abcdefghijklmnop1234'],
    ['hf hf_abcdefghijklmnopqrstuvwxyzABCDEF', 'abcdefghijklmnopqrstuvwxyzABCDEF'],
    [
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk',
      'SflKxwRJSMeKKF2QT4',
    ],
    ['host=db user=app password=s3cret dbname=x', 's3cret'],
    ['{"user":"a","password":"p@ss w0rd"}', 'p@ss w0rd'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'MIIEpAIBAAKCAQEA'],
  ])('masks the credential in %s', (input, secret) => {
    expect(maskSecrets(input)).not.toContain(secret);
  });

  it('keeps the recognisable prefix of a masked key so the kind of key is still visible', () => {
    expect(maskSecrets('key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123 rejected')).toBe('key sk-*** rejected');
    expect(maskSecrets('token ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('token ghp_***');
  });

  it.each([
    'prompt_tokens=512 completion_tokens=128',
    'Bearer token is missing',
    'basic information about the incident',
    'skipped 3 tasks in the batch',
    'ask-the-model again',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(maskSecrets(text)).toBe(text);
  });
});

describe('isSecretKey', () => {
  it.each([
    'password',
    'dbPassword',
    'DATABASE_PASSWORD',
    'token',
    'accessToken',
    'refresh_token',
    'natsToken',
    'secret',
    'clientSecret',
    'apiKey',
    'api_key',
    'x-api-key',
    'privateKey',
    'authorization',
    'Authorization',
    'cookie',
    'set-cookie',
    'credentials',
    'pass',
  ])('treats %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each([
    'prompt_tokens',
    'max_tokens',
    'token_count',
    'tokenizer',
    'cache_key',
    'idempotency_key',
    'key',
    'user',
    'pass_rate',
    'author',
  ])('does not treat %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('redactSecrets', () => {
  it('redacts secret keys at any depth without touching the input', () => {
    const input = { a: { b: { c: { d: { apiKey: 'k-123', keep: 'v' } } } }, list: [{ password: 'x' }] };
    const output = redactSecrets(input) as typeof input;
    expect(output.a.b.c.d).toEqual({ apiKey: REDACTED, keep: 'v' });
    expect(output.list[0]).toEqual({ password: REDACTED });
    expect(input.a.b.c.d.apiKey).toBe('k-123');
  });

  it('keeps booleans and nulls under secret keys, which reveal nothing', () => {
    expect(redactSecrets({ password_set: true, token: null })).toEqual({ password_set: true, token: null });
  });

  it('masks credentials inside strings of nested values', () => {
    expect(redactSecrets({ config: { url: 'postgres://u:pw@h/db' } })).toEqual({
      config: { url: 'postgres://u:***@h/db' },
    });
  });

  it('survives cycles and marks them', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    expect(redactSecrets(node)).toEqual({ name: 'a', self: '[Circular]' });
  });

  it('does not mistake a shared (non-cyclic) reference for a cycle', () => {
    const shared = { v: 1 };
    expect(redactSecrets({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });

  it('serialises errors with masked message and stack', () => {
    const error = new Error('connect to postgresql://app:topsecret@db failed');
    const output = redactSecrets({ error }) as { error: Record<string, unknown> };
    expect(output.error.type).toBe('Error');
    expect(output.error.message).toBe('connect to postgresql://app:***@db failed');
    expect(String(output.error.stack)).not.toContain('topsecret');
  });
});

describe('serializeError', () => {
  it('keeps code and safe own fields, redacts secret ones and follows the cause', () => {
    const cause = Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = Object.assign(new Error('outer', { cause }), {
      code: 'E_OUTER',
      password: 'pw',
      port: 5432,
    });
    const output = serializeError(error);
    expect(output).toMatchObject({
      type: 'Error',
      message: 'outer',
      code: 'E_OUTER',
      password: REDACTED,
      port: 5432,
    });
    expect(output.cause).toMatchObject({ message: 'ECONNREFUSED', code: 'ECONNREFUSED' });
  });
});
