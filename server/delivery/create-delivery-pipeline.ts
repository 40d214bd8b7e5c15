import type { TokenCipher } from "../auth/token-cipher";
import type { SmtpConfig } from "../config/load-config";
import type { Logger } from "../log/create-logger";
import type { Store } from "../store/create-store";
import { createDeliverySenders } from "./create-delivery-senders";
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "./create-delivery-worker";
import { enqueueDelivery, type EnqueuedDelivery } from "./enqueue-delivery";
import type { OutgoingMessage } from "./outgoing-message";

/** Tuning for tests: how fast the worker polls and backs off, and how long a silent server is waited for. */
export type DeliveryTuning = Partial<Pick<DeliveryWorkerOptions, "pollMs" | "maxAttempts" | "baseDelayMs" | "now">> & {
  timeoutMs?: number;
};

export interface DeliveryPipeline {
  /** enqueueDelivery bound to this service's store, waking its worker. */
  enqueue(message: OutgoingMessage, createdBy: string): EnqueuedDelivery;
  worker: DeliveryWorker;
  /** Whether email can be sent (SMTP_URL is set). */
  emailConfigured: boolean;
  /** Stops the worker (waiting for attempts under way) and closes the SMTP pool. */
  close(): Promise<void>;
}

/** The service's delivery pipeline: senders from the configuration, the worker, and the one way in (enqueue). */
export function createDeliveryPipeline(deps: {
  store: Store;
  log: Logger;
  smtp: SmtpConfig | undefined;
  cipher?: TokenCipher;
  afterSent?: DeliveryWorkerOptions["afterSent"];
  tuning?: DeliveryTuning;
}): DeliveryPipeline {
  const { timeoutMs, ...tuning } = deps.tuning ?? {};
  const senders = createDeliverySenders(deps.smtp, { timeoutMs });
  const worker = createDeliveryWorker({
    store: deps.store,
    log: deps.log.child({ module: "delivery" }),
    senders: senders.senders,
    cipher: deps.cipher,
    afterSent: deps.afterSent,
    ...tuning,
  });
  return {
    enqueue: (message, createdBy) =>
      enqueueDelivery(deps.store, message, {
        createdBy,
        now: tuning.now ? new Date(tuning.now()) : undefined,
        wake: worker.wake,
      }),
    worker,
    emailConfigured: deps.smtp !== undefined,
    async close() {
      await worker.stop();
      senders.close();
    },
  };
}
