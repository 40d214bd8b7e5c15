/** A delivery's life: queued (waiting for its next attempt), sending (an attempt under way), then sent or failed. */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
