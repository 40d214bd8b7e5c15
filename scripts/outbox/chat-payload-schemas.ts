import { z } from "zod";

/** What each platform refuses with 400 if missing: the catcher holds the service to the same shapes. */
export const CHAT_PAYLOAD_SCHEMAS = {
  // Slack: `text` or `blocks`; a section's mrkdwn at most 3,000 characters, at most 50 blocks.
  slack: z
    .object({
      text: z.string().optional(),
      blocks: z.array(z.looseObject({ type: z.string(), text: z.looseObject({ type: z.enum(["plain_text", "mrkdwn"]), text: z.string().max(3000) }).optional() })).max(50).optional(),
    })
    .refine((p) => p.text || p.blocks?.length, "no_text"),
  // Teams (Workflows): a message with an Adaptive Card attachment.
  teams: z.object({
    type: z.literal("message"),
    attachments: z
      .array(
        z.object({
          contentType: z.literal("application/vnd.microsoft.card.adaptive"),
          content: z.looseObject({ type: z.literal("AdaptiveCard"), version: z.string(), body: z.array(z.looseObject({ type: z.string() })) }),
        }),
      )
      .min(1),
  }),
  // Google Chat: `text` or `cardsV2` (each with a cardId and a card).
  "google-chat": z
    .object({
      text: z.string().optional(),
      cardsV2: z.array(z.object({ cardId: z.string(), card: z.looseObject({ sections: z.array(z.looseObject({ widgets: z.array(z.looseObject({})) })) }) })).optional(),
    })
    .refine((p) => p.text || p.cardsV2?.length, "Message cannot be empty"),
} as const;

export type ChatPlatform = keyof typeof CHAT_PAYLOAD_SCHEMAS;

/** The readable text of a chat payload (for the Outbox and the suite's leak search): every string in it. */
export function payloadText(payload: unknown): string {
  if (typeof payload === "string") return payload;
  if (Array.isArray(payload)) return payload.map(payloadText).join("\n");
  if (payload && typeof payload === "object") return Object.values(payload).map(payloadText).join("\n");
  return "";
}
