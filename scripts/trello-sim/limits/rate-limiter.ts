import { RollingWindow } from "./rolling-window";

export interface RateLimitConfig {
  enabled: boolean;
  intervalMs: number;
  /** Requests per interval for one API key, over all its tokens. */
  keyMax: number;
  /** Requests per interval for one token. */
  tokenMax: number;
  /** Trello: once a key has drawn more than this many 429s in a window, all its requests get 429 until it ends. */
  keyPenaltyThreshold: number;
}

/** Trello's published limits: 300 requests / 10 s per key, 100 / 10 s per token. */
export const TRELLO_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  intervalMs: 10_000,
  keyMax: 300,
  tokenMax: 100,
  keyPenaltyThreshold: 200,
};

export type RateLimitError = "API_KEY_LIMIT_EXCEEDED" | "API_TOKEN_LIMIT_EXCEEDED";

export interface RateLimitDecision {
  /** Trello's `x-rate-limit-*` headers, sent on every response. */
  headers: Record<string, string>;
  refused?: RateLimitError;
  retryAfterSeconds?: number;
}

function windowFor(windows: Map<string, RollingWindow>, id: string): RollingWindow {
  let window = windows.get(id);
  if (!window) {
    window = new RollingWindow();
    windows.set(id, window);
  }
  return window;
}

/** Rolling-window limits per API key and per token, refusing the way Trello does. */
export class RateLimiter {
  private settings: RateLimitConfig;
  private readonly keys = new Map<string, RollingWindow>();
  private readonly tokens = new Map<string, RollingWindow>();
  private readonly refusals = new Map<string, RollingWindow>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(config: Partial<RateLimitConfig> = {}) {
    this.settings = { ...TRELLO_RATE_LIMITS, ...config };
  }

  get config(): RateLimitConfig {
    return { ...this.settings };
  }

  configure(changes: Partial<RateLimitConfig>): void {
    this.settings = { ...this.settings, ...changes };
  }

  /** Counts a request against its key and token, or refuses it; refused requests do not use up the window. */
  take(key: string, token: string | undefined, now: number): RateLimitDecision {
    if (!this.settings.enabled) return { headers: {} };
    const { intervalMs, keyMax, tokenMax } = this.settings;
    const keyWindow = windowFor(this.keys, key);
    const tokenWindow = token === undefined ? undefined : windowFor(this.tokens, token);
    const blocked = (this.blockedUntil.get(key) ?? 0) > now;
    if (blocked || keyWindow.count(now, intervalMs) >= keyMax)
      return this.refuse(key, token, now, "API_KEY_LIMIT_EXCEEDED");
    if (tokenWindow && tokenWindow.count(now, intervalMs) >= tokenMax)
      return this.refuse(key, token, now, "API_TOKEN_LIMIT_EXCEEDED");
    keyWindow.add(now);
    tokenWindow?.add(now);
    return { headers: this.headers(key, token, now) };
  }

  /** A 429 for this key and token (also used for injected 429s), counted toward Trello's penalty rule. */
  refuse(key: string, token: string | undefined, now: number, error: RateLimitError): RateLimitDecision {
    const { intervalMs, keyPenaltyThreshold } = this.settings;
    const refusals = windowFor(this.refusals, key);
    refusals.add(now);
    if (refusals.count(now, intervalMs) > keyPenaltyThreshold && (this.blockedUntil.get(key) ?? 0) <= now) {
      this.blockedUntil.set(key, refusals.nextExpiry(now, intervalMs));
    }
    const freeAt =
      (this.blockedUntil.get(key) ?? 0) > now
        ? this.blockedUntil.get(key)!
        : error === "API_TOKEN_LIMIT_EXCEEDED" && token !== undefined
          ? windowFor(this.tokens, token).nextExpiry(now, intervalMs)
          : windowFor(this.keys, key).nextExpiry(now, intervalMs);
    return {
      headers: this.headers(key, token, now),
      refused: error,
      retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)),
    };
  }

  private headers(key: string, token: string | undefined, now: number): Record<string, string> {
    if (!this.settings.enabled) return {};
    const { intervalMs, keyMax, tokenMax } = this.settings;
    const headers: Record<string, string> = {
      "x-rate-limit-api-key-interval-ms": String(intervalMs),
      "x-rate-limit-api-key-max": String(keyMax),
      "x-rate-limit-api-key-remaining": String(Math.max(0, keyMax - windowFor(this.keys, key).count(now, intervalMs))),
    };
    if (token !== undefined) {
      headers["x-rate-limit-api-token-interval-ms"] = String(intervalMs);
      headers["x-rate-limit-api-token-max"] = String(tokenMax);
      headers["x-rate-limit-api-token-remaining"] = String(
        Math.max(0, tokenMax - windowFor(this.tokens, token).count(now, intervalMs)),
      );
    }
    return headers;
  }
}
