import type { ChannelMessage, ChannelSender, SendOutcome } from "./send-outcome";

export interface ChatSenderOptions {
  /** The platform's body for a message (slackPayload, teamsPayload, googleChatPayload). */
  payload(message: ChannelMessage): Record<string, unknown>;
  /** Gives up on a webhook that has not answered after this long. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** Webhooks answer 429 when throttled and 5xx when down: both pass; any other 4xx means the request itself is wrong. */
export function classifyWebhookStatus(status: number, body: string): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  return {
    ok: false,
    retry: status === 429 || status >= 500,
    reason: `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ""}`,
  };
}

/** Posts a message to a chat platform's incoming webhook (message.to is the webhook URL, a secret never logged). */
export function createChatSender({
  payload,
  timeoutMs = 15_000,
  fetch = globalThis.fetch,
}: ChatSenderOptions): ChannelSender {
  return {
    async send(message) {
      try {
        const res = await fetch(message.to, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", "x-loop-audience": message.audience },
          body: JSON.stringify(payload(message)),
          redirect: "error",
          signal: AbortSignal.timeout(timeoutMs),
        });
        return classifyWebhookStatus(res.status, (await res.text()).trim());
      } catch (err) {
        const name = (err as Error).name;
        const reason =
          name === "TimeoutError" ? `timeout: no answer within ${timeoutMs} ms` : `network: ${(err as Error).message}`;
        // The URL is a secret: the error text names no host or path.
        return { ok: false, retry: true, reason };
      }
    },
  };
}
