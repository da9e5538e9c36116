import { RedteamError } from '../redteam-error';

/**
 * The HTTP discipline every outbound call of the red-team library follows (after `LlmCritic` in
 * `@rampart/safety`): the URL is validated once (http/https, no credentials in it), every call has a hard
 * deadline (`AbortSignal.timeout`, joined with the caller's signal), redirects are refused, the reply is
 * read up to a size cap, and an error names the status and the URL without its query — never the key,
 * never the upstream body (which may echo the key back).
 */
export interface HttpCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxReplyBytes: number;
  signal?: AbortSignal;
  fetch: typeof fetch;
  /** Who is calling, for error messages: `target chat:gpt-4o@api.example.com`, `LLM judge`. */
  label: string;
}

export interface HttpResult {
  status: number;
  body: string;
  contentType: string;
}

/** A URL safe to call and to show in errors; throws REDTEAM_INVALID_TARGET when it is not. */
export function checkedUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RedteamError('REDTEAM_INVALID_TARGET', `${what} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RedteamError('REDTEAM_INVALID_TARGET', `${what} must be an http or https URL`);
  if (url.username || url.password)
    throw new RedteamError(
      'REDTEAM_INVALID_TARGET',
      `${what} must not contain credentials; name an environment variable with api_key_env instead`,
    );
  return url;
}

/** The URL as errors show it: origin and path, without the query (which may carry a token). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Whether a failed call may succeed when tried again: rate limits, server errors and timeouts. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export async function httpCall(call: HttpCall): Promise<HttpResult> {
  const where = displayUrl(call.url);
  const deadline = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([deadline, call.signal]) : deadline;
  let response: Response;
  try {
    response = await call.fetch(call.url, {
      method: call.method,
      headers: call.headers,
      ...(call.body === undefined ? {} : { body: call.body }),
      signal,
      redirect: 'error',
    });
    if (!response.ok) {
      const code = await errorCode(response, call.maxReplyBytes);
      throw new RedteamError(
        'REDTEAM_TARGET_FAILED',
        `${call.label} failed: HTTP ${response.status}${code ? ` (${code})` : ''} from ${where}`,
        {
          retryable: retryableStatus(response.status),
          details: { reason: 'http_status', httpStatus: response.status },
        },
      );
    }
    const body = await readBounded(response, call.maxReplyBytes, call.label);
    return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (error instanceof RedteamError) throw error;
    if (call.signal?.aborted)
      throw new RedteamError('REDTEAM_TARGET_FAILED', `${call.label} aborted by the caller`, {
        retryable: false,
        details: { reason: 'aborted' },
      });
    if (deadline.aborted)
      throw new RedteamError(
        'REDTEAM_TARGET_FAILED',
        `${call.label} failed: no reply within ${call.timeoutMs} ms from ${where}`,
        { retryable: true, details: { reason: 'timeout', timeoutMs: call.timeoutMs } },
      );
    // A network error (refused, reset, DNS): only its code is kept; a foreign message is not ours to vouch for.
    throw new RedteamError(
      'REDTEAM_TARGET_FAILED',
      `${call.label} failed: cannot reach ${where}${networkCode(error)}`,
      {
        retryable: true,
        details: { reason: 'network' },
      },
    );
  }
}

/** The error `code` or `type` of an OpenAI-style error body, when it is a plain identifier (never its message). */
async function errorCode(response: Response, maxBytes: number): Promise<string | undefined> {
  try {
    const text = await readBounded(response, Math.min(maxBytes, 65_536), '');
    const error = (JSON.parse(text) as { error?: { code?: unknown; type?: unknown } }).error;
    for (const value of [error?.code, error?.type])
      if (typeof value === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(value)) return value;
  } catch {
    await response.body?.cancel().catch(() => undefined);
  }
  return undefined;
}

async function readBounded(response: Response, maxBytes: number, label: string): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RedteamError(
        'REDTEAM_TARGET_FAILED',
        `${label} failed: reply larger than ${maxBytes} bytes`,
        {
          retryable: false,
          details: { reason: 'reply_too_large', maxReplyBytes: maxBytes },
        },
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code) ? ` (${cause.code})` : '';
}

/** Removes every occurrence of the secrets from a text (for replies of servers that echo the key back). */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join('[REDACTED]');
  return out;
}
