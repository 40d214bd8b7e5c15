import type { Migration } from "../migrate";

/** /healthz reports the last webhook delivery's time: an index makes that a lookup, not a scan of every action. */
export const m0010DeliveryIndex: Migration = {
  version: 10,
  name: "delivery-index",
  sql: `
    CREATE INDEX actions_source_received ON actions (source, received_at);
  `,
};
