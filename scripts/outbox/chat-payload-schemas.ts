import { z } from "zod";

/** What each platform refuses with 400 if missing: the catcher holds the service to the same shapes. */
export const CHAT_PAYLOAD_SCHEMAS = {
  // Slack: `text` or `blocks`; a section's mrkdwn at most 3,000 characters, at most 50 blocks.
  slack: z
    .object({
      text: z.string().optional(),
      blocks: z
        .array(
          z.looseObject({
            type: z.string(),
            text: z.looseObject({ type: z.enum(["plain_text", "mrkdwn"]), text: z.string().max(3000) }).optional(),
          }),
        )
        .max(50)
        .optional(),
    })
    .refine((p) => p.text || p.blocks?.length, "no_text"),
  // Teams (Workflows): a message with an Adaptive Card attachment.
  teams: z.object({
    type: z.literal("message"),
    attachments: z
      .array(
        z.object({
          contentType: z.literal("application/vnd.microsoft.card.adaptive"),
          content: z.looseObject({
            type: z.literal("AdaptiveCard"),
            version: z.string(),
            body: z.array(z.looseObject({ type: z.string() })),
          }),
        }),
      )
      .min(1),
  }),
  // Google Chat: `text` or `cardsV2` (each with a cardId and a card).
  "google-chat": z
    .object({
      text: z.string().optional(),
      cardsV2: z
        .array(
          z.object({
            cardId: z.string(),
            card: z.looseObject({ sections: z.array(z.looseObject({ widgets: z.array(z.looseObject({})) })) }),
          }),
        )
        .optional(),
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

// A received chat payload is the platform's free-form JSON, read key by key below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each platform nests other keys
type Json = Record<string, any>;

/** A chat message as its recipient reads it: the title, the text and the buttons' links, per platform. */
export function chatView(platform: ChatPlatform, payload: Json): { subject: string; text: string; links: string[] } {
  if (platform === "teams") {
    const card = payload.attachments?.[0]?.content ?? {};
    const blocks: string[] = (card.body ?? [])
      .filter((b: Json) => b.type === "TextBlock")
      .map((b: Json) => String(b.text));
    return {
      subject: blocks[0] ?? "",
      text: blocks.slice(1).join("\n\n"),
      links: (card.actions ?? []).map((a: Json) => String(a.url)).filter(Boolean),
    };
  }
  if (platform === "slack") {
    const blocks: Json[] = payload.blocks ?? [];
    const header = blocks.find((b) => b.type === "header")?.text?.text;
    const sections = blocks.filter((b) => b.type === "section").map((b) => String(b.text?.text ?? ""));
    const links = blocks.flatMap((b) => (b.elements ?? []).map((e: Json) => e.url)).filter(Boolean);
    return {
      subject: header ?? String(payload.text ?? "").split("\n")[0],
      text: sections.length ? sections.join("\n\n") : String(payload.text ?? ""),
      links,
    };
  }
  const card = payload.cardsV2?.[0]?.card ?? {};
  const widgets: Json[] = (card.sections ?? []).flatMap((s: Json) => s.widgets ?? []);
  const paragraphs = widgets
    .filter((w) => w.textParagraph)
    .map((w) => String(w.textParagraph.text).replace(/<br>/g, "\n"));
  const links = widgets
    .flatMap((w) => (w.buttonList?.buttons ?? []).map((b: Json) => b.onClick?.openLink?.url))
    .filter(Boolean);
  return {
    subject: card.header?.title ?? String(payload.text ?? ""),
    text: paragraphs.join("\n\n") || String(payload.text ?? ""),
    links,
  };
}
