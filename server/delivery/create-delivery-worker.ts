import type { Logger } from "../log/create-logger";
import type { Store } from "../store/create-store";
import type { Delivery } from "../store/deliveries-store";
import type { ChannelSender, SendOutcome } from "./channels/send-outcome";
import type { DeliveryChannel } from "./outgoing-message";
import { resolveRecipient } from "./resolve-recipient";
import { readStoredMessage } from "./stored-message";
import type { TokenCipher } from "../auth/token-cipher";

export interface DeliveryWorkerOptions {
  store: Store;
  log: Logger;
  /** One sender per configured channel; a delivery on a channel without one fails with that reason. */
  senders: Partial<Record<DeliveryChannel, ChannelSender>>;
  /** Opens stored chat webhook URLs; absent when the service has no TOKEN_ENCRYPTION_KEY. */
  cipher?: TokenCipher;
  /** Runs after a delivery is sent (records it on the stakeholder's Trello card); its failure is logged, not retried. */
  afterSent?: (delivery: Delivery) => Promise<void>;
  now?: () => number;
  /** How often due deliveries are looked for when nobody wakes the worker. */
  pollMs?: number;
  /** Attempts before a transient failure becomes a failed delivery. */
  maxAttempts?: number;
  /** The first retry's delay; each later one doubles it. */
  baseDelayMs?: number;
  /** Deliveries sent at once. */
  concurrency?: number;
}

export interface DeliveryWorker {
  /** Fails deliveries a stopped process left mid-send, then polls for due ones. */
  start(): void;
  /** Sends what is due now; resolves with how many attempts were made (tests and start-up use it directly). */
  runOnce(): Promise<number>;
  /** Looks for due deliveries now rather than at the next poll. */
  wake(): void;
  /** Stops polling and waits for attempts under way. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 30_000;

/**
 * Sends queued deliveries with retries and exponential backoff, off the event loop's critical path (sends are
 * asynchronous I/O; the SQL is a few indexed statements).
 *
 * At-most-once: a delivery is marked `sending` (committed) before its attempt starts and `sent` after. A process that
 * stops between the two leaves it in `sending`; on start it is marked failed ("interrupted"), never resent, because
 * an update a client receives twice does more harm than one the PM is told to check and send again. Within a running
 * process a retry only follows an answer that says the message was not taken (SMTP 4xx, webhook 429/5xx) or no
 * answer at all (timeout): the one window for a duplicate is a server that took the message and then timed out.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, log, senders, cipher, afterSent, now = Date.now, pollMs = 1_000 } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const concurrency = options.concurrency ?? 4;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let wakeAgain = false;

  async function attempt(delivery: Delivery): Promise<void> {
    const dlog = log.child({ delivery: delivery.id, channel: delivery.channel, attempt: delivery.attempts });
    const sender = senders[delivery.channel];
    let outcome: SendOutcome;
    const recipient = resolveRecipient(store, cipher, delivery);
    if (!sender) outcome = { ok: false, retry: false, reason: `${delivery.channel} is not configured on this service` };
    else if (!recipient.ok) outcome = { ok: false, retry: false, reason: recipient.reason };
    else {
      const body = readStoredMessage(delivery.messageJson);
      outcome = await sender.send({
        deliveryId: delivery.id,
        idempotencyKey: delivery.idempotencyKey,
        audience: delivery.audience,
        to: recipient.to,
        subject: delivery.subject,
        ...body,
      });
    }
    const at = new Date(now());
    if (outcome.ok) {
      store.deliveries.markSent(delivery.id, at);
      dlog.info("delivery sent");
      if (afterSent)
        await afterSent({ ...delivery, status: "sent", sentAt: at.toISOString() }).catch((err: Error) =>
          dlog.warn({ err: err.message }, "send not recorded in Trello"),
        );
    } else if (outcome.retry && delivery.attempts < maxAttempts) {
      const delay = baseDelayMs * 2 ** (delivery.attempts - 1);
      store.deliveries.markRetry(delivery.id, now() + delay, outcome.reason, at);
      dlog.warn({ reason: outcome.reason, retryInMs: delay }, "delivery attempt failed; will retry");
    } else {
      store.deliveries.markFailed(delivery.id, outcome.reason, at);
      dlog.warn({ reason: outcome.reason }, "delivery failed");
    }
  }

  async function drain(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const due = store.deliveries.claimDue(now(), concurrency);
      if (due.length === 0) return attempts;
      await Promise.all(due.map((d) => attempt(d).catch((err: Error) => failUnexpectedly(d, err))));
      attempts += due.length;
    }
  }

  function failUnexpectedly(delivery: Delivery, err: Error): void {
    log.error({ delivery: delivery.id, err }, "delivery attempt crashed");
    store.deliveries.markFailed(delivery.id, `internal error: ${err.message}`.slice(0, 500), new Date(now()));
  }

  function runOnce(): Promise<number> {
    if (running) {
      wakeAgain = true;
      return running;
    }
    running = drain().finally(() => {
      running = undefined;
      if (wakeAgain && !stopped) {
        wakeAgain = false;
        void runOnce();
      }
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce()
        .catch((err: Error) => log.error({ err }, "delivery worker tick failed"))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      for (const delivery of store.deliveries.listSending()) {
        store.deliveries.markFailed(
          delivery.id,
          "interrupted: the service stopped during this attempt; not resent, check with the recipient",
          new Date(now()),
        );
        log.warn({ delivery: delivery.id }, "delivery interrupted by a stop; marked failed, not resent");
      }
      schedule();
    },
    runOnce,
    wake() {
      if (!stopped) void runOnce().catch((err: Error) => log.error({ err }, "delivery worker tick failed"));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
