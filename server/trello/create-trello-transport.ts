import { fetchJson, NetworkError, type HttpRequest, type HttpResponse } from "./fetch-json";
import { acquireAll, realClock, SlidingWindowLimiter, type Clock } from "./sliding-window-limiter";
import { pathWithoutToken, TrelloApiError } from "./trello-api-error";

export interface TrelloTransportOptions {
  apiBase: string;
  apiKey: string;
  /** Requests per rolling window the client allows itself; a little under Trello's 300/key and 100/token. */
  limits?: { perKey: number; perToken: number; intervalMs: number };
  timeoutMs?: number;
  maxAttempts?: number;
  clock?: Clock;
  send?: (request: HttpRequest) => Promise<HttpResponse>;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface TrelloTransport {
  request(token: string, method: HttpRequest["method"], path: string, query?: Query, body?: unknown): Promise<unknown>;
}

const DEFAULT_LIMITS = { perKey: 290, perToken: 97, intervalMs: 10_000 };

function retryDelay(attempt: number): number {
  const base = Math.min(8_000, 250 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Key + token auth, a client-side limiter per key and per token, and retries with backoff on 429, 5xx and
 * network errors. Everything the service asks of Trello goes through here.
 */
export function createTrelloTransport(options: TrelloTransportOptions): TrelloTransport {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const clock = options.clock ?? realClock;
  const send = options.send ?? fetchJson;
  const maxAttempts = options.maxAttempts ?? 6;
  const keyLimiter = new SlidingWindowLimiter(limits.perKey, limits.intervalMs);
  const tokenLimiters = new Map<string, SlidingWindowLimiter>();
  const tokenLimiter = (token: string) => {
    let limiter = tokenLimiters.get(token);
    if (!limiter) {
      // One limiter per token ever seen would grow without end: forget those whose window has emptied.
      const now = clock.now();
      for (const [known, idle] of tokenLimiters) if (idle.isIdle(now)) tokenLimiters.delete(known);
      tokenLimiters.set(token, (limiter = new SlidingWindowLimiter(limits.perToken, limits.intervalMs)));
    }
    return limiter;
  };

  return {
    async request(token, method, path, query = {}, body) {
      const url = new URL(`${options.apiBase}/1${path}`);
      for (const [name, value] of Object.entries({ ...query, key: options.apiKey, token })) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
      const perToken = tokenLimiter(token);
      const shownPath = pathWithoutToken(path, token);
      for (let attempt = 0; ; attempt += 1) {
        await acquireAll([perToken, keyLimiter], clock);
        let response: HttpResponse;
        try {
          response = await send({ method, url: url.toString(), body, timeoutMs: options.timeoutMs ?? 30_000 });
        } catch (err) {
          // A POST that got no answer may have been done: repeating it could create a second webhook.
          if (!(err instanceof NetworkError) || method === "POST" || attempt + 1 >= maxAttempts) throw err;
          await clock.sleep(retryDelay(attempt));
          continue;
        }
        const tokenMax = Number(response.headers["x-rate-limit-api-token-max"]);
        if (tokenMax) perToken.observeLimit(tokenMax - 3);
        const keyMax = Number(response.headers["x-rate-limit-api-key-max"]);
        if (keyMax) keyLimiter.observeLimit(keyMax - 10);
        if (response.status < 400) return response.body;
        const retryable = response.status === 429 || (response.status >= 500 && method !== "POST");
        if (!retryable || attempt + 1 >= maxAttempts)
          throw new TrelloApiError(response.status, shownPath, response.body);
        const delay = retryDelay(attempt);
        if (response.status === 429) {
          // Someone else spends this token or key too (the Power-Up iframe): wait as long as Trello says, or a
          // whole window, so the retry is not refused again; and hold back every request on it, not just this one.
          const scope = JSON.stringify(response.body).includes("API_KEY_LIMIT_EXCEEDED") ? "key" : "token";
          const limiter = scope === "key" ? keyLimiter : perToken;
          const retryAfterMs = Number(response.headers["retry-after"]) * 1000;
          const intervalMs = Number(response.headers[`x-rate-limit-api-${scope}-interval-ms`]) || limits.intervalMs;
          limiter.pause(clock.now() + (retryAfterMs > 0 ? retryAfterMs : intervalMs));
        } else {
          await clock.sleep(delay);
        }
      }
    },
  };
}
