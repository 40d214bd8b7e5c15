import { z } from "zod";
import type { MessageAttachment, OutgoingMessage } from "./outgoing-message";

/** The part of a message kept until it is sent (and after, for the Outbox and the log): attachments in base64. */
const storedMessageSchema = z.object({
  text: z.string(),
  html: z.string().optional(),
  link: z.string().optional(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), base64: z.string() })).default([]),
});

export interface StoredMessage {
  text: string;
  html?: string;
  link?: string;
  attachments: MessageAttachment[];
}

/** The body of a message as stored in deliveries.message_json. */
export function storeMessage(message: Pick<OutgoingMessage, "text" | "html" | "link" | "attachments">): string {
  return JSON.stringify({
    text: message.text,
    html: message.html,
    link: message.link,
    attachments: (message.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      base64: a.content.toString("base64"),
    })),
  });
}

/** Reads a stored body back. */
export function readStoredMessage(json: string): StoredMessage {
  const parsed = storedMessageSchema.parse(JSON.parse(json));
  return {
    text: parsed.text,
    html: parsed.html,
    link: parsed.link,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.base64, "base64"),
    })),
  };
}
