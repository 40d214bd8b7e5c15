import { z } from "zod";
import { AUDIENCES, type Audience } from "../../shared/loop/audience";
import { DELIVERY_CHANNELS, type DeliveryChannel } from "../../shared/loop/delivery-channel";

export { DELIVERY_CHANNELS, type DeliveryChannel };

export const MESSAGE_KINDS = ["update", "report", "invitation", "digest"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One message to one recipient, as handed to enqueueDelivery. */
export interface OutgoingMessage {
  boardId: string;
  /** Whose communication log records it; absent for the PM's digest. */
  stakeholderCardId?: string;
  /** The same key is delivered at most once, ever. */
  idempotencyKey: string;
  kind: MessageKind;
  audience: Audience;
  channel: DeliveryChannel;
  /** An email address, or for chat the stakeholder card whose stored webhook URL is used. */
  to: string;
  subject: string;
  /** Plain text; for chat, the message. */
  text: string;
  html?: string;
  attachments?: MessageAttachment[];
  /** E.g. a share link; chat adapters render it as a button. */
  link?: string;
}

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What enqueueDelivery accepts: callers inside the service are checked as strictly as a request body. */
export const outgoingMessageSchema = z
  .object({
    boardId: z.string().regex(/^[0-9a-f]{24}$/, "boardId must be a Trello id"),
    stakeholderCardId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, "stakeholderCardId must be a Trello id")
      .optional(),
    idempotencyKey: z.string().min(1).max(200),
    kind: z.enum(MESSAGE_KINDS),
    audience: z.enum(AUDIENCES),
    channel: z.enum(DELIVERY_CHANNELS),
    to: z.string().min(1).max(254),
    subject: z.string().min(1, "subject is empty").max(300),
    text: z.string().min(1, "text is empty").max(100_000),
    html: z.string().max(2_000_000).optional(),
    attachments: z
      .array(
        z.object({
          filename: z.string().min(1).max(200),
          contentType: z.string().min(1).max(100),
          content: z.instanceof(Buffer).refine((b) => b.length <= MAX_ATTACHMENT_BYTES, "attachment over 10 MB"),
        }),
      )
      .max(5)
      .optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((m) => m.channel !== "email" || z.email().safeParse(m.to).success, {
    message: "an email goes to an email address",
    path: ["to"],
  })
  .refine((m) => m.channel === "email" || /^[0-9a-f]{24}$/.test(m.to), {
    message: "a chat message goes to a stakeholder card id",
    path: ["to"],
  });
