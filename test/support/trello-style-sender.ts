/** One delivery as Trello holds it: sent again until it is answered 200. */
export interface PendingDelivery {
  id: string;
  body: string;
  signature: string;
}

export interface SenderStats {
  /** Ids answered 200, each once (a delivery is never sent again after its 200). */
  acknowledged: Set<string>;
  /** Attempts that got no 200: a refused or cut connection, a 5xx, a timeout. */
  failedAttempts: number;
}

/**
 * Sends deliveries the way Trello does, from `concurrency` parallel senders over keep-alive: anything not
 * answered 200 is retried (after `retryDelayMs`, far sooner than Trello's minutes, to keep the test short)
 * until it is. Resolves when every delivery has had its 200.
 */
export async function sendUntilAcknowledged(
  url: () => string,
  deliveries: PendingDelivery[],
  options: { concurrency: number; retryDelayMs: number; stats?: SenderStats },
): Promise<SenderStats> {
  const stats = options.stats ?? { acknowledged: new Set<string>(), failedAttempts: 0 };
  const queue = [...deliveries];
  const sender = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const delivery = next;
      const ok = await fetch(url(), {
        method: "POST",
        headers: { "content-type": "application/json", "x-trello-webhook": delivery.signature },
        body: delivery.body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.status === 200;
        },
        () => false,
      );
      if (ok) {
        stats.acknowledged.add(delivery.id);
      } else {
        stats.failedAttempts += 1;
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
        queue.push(delivery);
      }
    }
  };
  // A sender whose delivery failed puts it back before it looks for the next, so when all have stopped, all are done.
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  return stats;
}
