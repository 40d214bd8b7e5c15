import * as z from "zod/mini";
import type { Audience } from "../loop/audience";
import type { DeliveryChannel } from "../loop/delivery-channel";
import { requiredText } from "../loop/fields";
import type { UpdateState } from "../loop/stakeholder-update-state";

/** POST …/stakeholders/:cardId/chat-webhook: the stakeholder's incoming-webhook URL (a secret: never shown again). */
export const chatWebhookRequestSchema = z.object({
  url: z
    .string({ error: "Paste the webhook URL" })
    .check(z.trim(), z.minLength(1, "Paste the webhook URL"), z.maxLength(2000, "That URL is too long")),
});

/** POST …/stakeholders/:cardId/updates: the update as the PM edited it, under a key that makes a retried click harmless. */
export const sendUpdateRequestSchema = z.object({
  subject: requiredText("Subject", 200),
  text: requiredText("Message", 20_000),
  idempotencyKey: z.string().check(z.regex(/^[\w:.-]{8,120}$/, "idempotencyKey must be 8-120 letters, digits or :._-")),
});

export type ChatWebhookRequest = z.infer<typeof chatWebhookRequestSchema>;
export type SendUpdateRequest = z.infer<typeof sendUpdateRequestSchema>;

/** A delivery as the API shows it: never the message body, never a webhook URL. */
export interface DeliveryView {
  id: number;
  /** The stakeholder's card it was for (absent for the PM's digest). */
  stakeholderCardId?: string;
  kind: "update" | "report" | "invitation" | "digest";
  channel: DeliveryChannel;
  audience: Audience;
  /** The email address; for chat, absent (the route is the stakeholder's stored webhook). */
  to?: string;
  subject: string;
  status: "queued" | "sending" | "sent" | "failed";
  attempts: number;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
}

/** GET …/stakeholders/:cardId/delivery: where this stakeholder's updates go and what was sent. */
export interface StakeholderDeliveryView {
  cardId: string;
  channel: DeliveryChannel;
  audience: Audience;
  party?: string;
  /** The email address updates go to (email channel). */
  to?: string;
  ready: boolean;
  missing?: string;
  webhookSet: boolean;
  update: UpdateState;
  deliveries: DeliveryView[];
}

/** GET …/stakeholders/:cardId/update-draft. */
export interface UpdateDraftView {
  cardId: string;
  channel: DeliveryChannel;
  audience: Audience;
  party?: string;
  to?: string;
  ready: boolean;
  missing?: string;
  sinceDay: string;
  subject: string;
  text: string;
  changes: number;
}
