import { createHmac } from "node:crypto";
import type { SimAction, SimWebhook } from "../model/sim-model";
import type { SimStore } from "../model/sim-store";
import { webhookJson } from "../json/model-json";
import { sendHttp, type HttpAgents } from "./send-http";
import { modelsConcerned } from "./webhook-targets";

export interface WebhookDeliveryConfig {
  /** How long a callback may take to answer (Trello: 30 s). */
  timeoutMs: number;
  /** Delays before each retry of a failed delivery; Trello retries 3 times. */
  retryDelaysMs: number[];
  /** A webhook is deactivated once it has failed this many times in a row… */
  deactivateAfterFailures: number;
  /** …over at least this long (since firstConsecutiveFailDate). */
  deactivateAfterMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Trello's behaviour: 30 s timeout, 3 retries with growing delays, deactivation after 1,000 failures over 30 days. */
export const TRELLO_WEBHOOK_DELIVERY: WebhookDeliveryConfig = {
  timeoutMs: 30_000,
  retryDelaysMs: [30_000, 60_000, 120_000],
  deactivateAfterFailures: 1000,
  deactivateAfterMs: 30 * DAY_MS,
};

interface Pending {
  idAction: string;
  /** The watched model and the action as they were when the action happened. */
  model: unknown;
  action: unknown;
}

export interface DelivererDeps {
  store: SimStore;
  secret: string;
  agents: HttpAgents;
  now: () => number;
  config: WebhookDeliveryConfig;
  modelJson(idModel: string): unknown;
  actionJson(action: SimAction): unknown;
}

/** Trello's signature: base64(HMAC-SHA1(secret, body bytes + callback URL)). */
export function signDelivery(body: Buffer, callbackURL: string, secret: string): string {
  return createHmac("sha1", secret).update(body).update(callbackURL, "utf8").digest("base64");
}

/** Delivers actions to webhooks asynchronously, in order per webhook, with Trello's retries and failure rules. */
export function createWebhookDeliverer(deps: DelivererDeps) {
  const { store } = deps;
  let config = { ...deps.config };
  let paused = false;
  let closed = false;
  const queues = new Map<string, Pending[]>();
  const running = new Set<string>();
  const idleWaiters: (() => void)[] = [];
  const resumeWaiters: (() => void)[] = [];
  const sleeps = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();

  const isIdle = () => running.size === 0 && queues.size === 0;

  function settle(): void {
    if (isIdle() || closed) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => (sleeps.delete(entry), resolve()), ms), wake: resolve };
      sleeps.add(entry);
    });
  }

  async function whileRunnable(): Promise<void> {
    while (paused && !closed) await new Promise<void>((resolve) => resumeWaiters.push(resolve));
  }

  function shouldDeactivate(webhook: SimWebhook): boolean {
    const since = Date.parse(webhook.firstConsecutiveFailDate ?? new Date(deps.now()).toISOString());
    return (
      webhook.consecutiveFailures >= config.deactivateAfterFailures && deps.now() - since >= config.deactivateAfterMs
    );
  }

  async function attempt(webhook: SimWebhook, pending: Pending): Promise<number | Error> {
    const body = Buffer.from(
      JSON.stringify({ model: pending.model, action: pending.action, webhook: webhookJson(webhook) }),
      "utf8",
    );
    const headers = {
      "content-type": "application/json",
      "x-trello-webhook": signDelivery(body, webhook.callbackURL, deps.secret),
    };
    try {
      return await sendHttp(
        { method: "POST", url: webhook.callbackURL, headers, body, timeoutMs: config.timeoutMs },
        deps.agents,
      );
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /** One action to one webhook, retried on failure; "stop" when the webhook is gone or deactivated. */
  async function deliver(idWebhook: string, pending: Pending): Promise<"done" | "stop"> {
    for (let retry = 0; ; retry++) {
      await whileRunnable();
      const webhook = store.webhooks.get(idWebhook);
      if (closed || !webhook || !webhook.active) return "stop";
      const result = await attempt(webhook, pending);
      if (closed) return "stop";
      if (typeof result === "number" && result >= 200 && result < 300) {
        webhook.consecutiveFailures = 0;
        webhook.firstConsecutiveFailDate = null;
        return "done";
      }
      if (result === 410) {
        store.webhooks.delete(idWebhook);
        return "stop";
      }
      webhook.consecutiveFailures++;
      webhook.firstConsecutiveFailDate ??= new Date(deps.now()).toISOString();
      if (shouldDeactivate(webhook)) {
        webhook.active = false;
        return "stop";
      }
      if (retry >= config.retryDelaysMs.length) return "done";
      await sleep(config.retryDelaysMs[retry]!);
    }
  }

  async function pump(idWebhook: string): Promise<void> {
    if (running.has(idWebhook) || paused || closed) return;
    running.add(idWebhook);
    try {
      const queue = queues.get(idWebhook) ?? [];
      while (queue.length > 0 && !closed) {
        if ((await deliver(idWebhook, queue[0]!)) === "stop") queue.length = 0;
        else queue.shift();
      }
      queues.delete(idWebhook);
    } finally {
      running.delete(idWebhook);
      settle();
    }
  }

  function enqueue(webhook: SimWebhook, action: SimAction): void {
    let queue = queues.get(webhook.id);
    if (!queue) {
      queue = [];
      queues.set(webhook.id, queue);
    }
    queue.push({ idAction: action.id, model: deps.modelJson(webhook.idModel), action: deps.actionJson(action) });
    void pump(webhook.id);
  }

  /** Queues an action for every active webhook watching a model it concerns. */
  function onAction(action: SimAction): void {
    if (closed || store.webhooks.size === 0) return;
    const concerned = modelsConcerned(action);
    for (const webhook of store.webhooks.values())
      if (webhook.active && concerned.has(webhook.idModel)) enqueue(webhook, action);
  }

  return {
    onAction,
    /** Queues an already recorded action again, as when Trello delivers the same action twice. */
    redeliver(action: SimAction): void {
      onAction(action);
    },
    configure(changes: Partial<WebhookDeliveryConfig>): void {
      config = { ...config, ...changes };
    },
    get config(): WebhookDeliveryConfig {
      return { ...config, retryDelaysMs: [...config.retryDelaysMs] };
    },
    pause(): void {
      paused = true;
    },
    /** Resumes delivery; `reverse` first reverses each webhook's waiting deliveries, for out-of-order tests. */
    resume(options: { reverse?: boolean } = {}): void {
      if (options.reverse) {
        for (const [id, queue] of queues) {
          // The delivery in flight (if any) stays first; the waiting ones are reversed in place.
          const waiting = queue.splice(running.has(id) ? 1 : 0);
          queue.push(...waiting.reverse());
        }
      }
      paused = false;
      for (const resolve of resumeWaiters.splice(0)) resolve();
      for (const id of queues.keys()) void pump(id);
    },
    /** Deliveries queued or in flight, in order per webhook. */
    pending(): { idWebhook: string; idAction: string }[] {
      return [...queues].flatMap(([idWebhook, queue]) => queue.map((item) => ({ idWebhook, idAction: item.idAction })));
    },
    /** Resolves once nothing is queued or in flight (waits for a resume while paused with deliveries queued). */
    idle(): Promise<void> {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    close(): void {
      closed = true;
      for (const entry of sleeps) {
        clearTimeout(entry.timer);
        entry.wake();
      }
      sleeps.clear();
      for (const resolve of resumeWaiters.splice(0)) resolve();
      queues.clear();
      settle();
    },
  };
}
