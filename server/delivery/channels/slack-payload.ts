import type { ChannelMessage } from "./send-outcome";

/** Slack caps a section's text at 3,000 characters and a message at 50 blocks. */
const SECTION_MAX = 3000;
const BLOCKS_MAX = 50;

/** Slack's mrkdwn treats &, < and > as markup. */
const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function sections(text: string): string[] {
  const parts: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    for (let i = 0; i < paragraph.length; i += SECTION_MAX) parts.push(paragraph.slice(i, i + SECTION_MAX));
  }
  return parts.filter((p) => p.trim() !== "");
}

/** A Slack incoming-webhook body: `text` as the notification fallback, Block Kit blocks for the message itself. */
export function slackPayload(message: ChannelMessage): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: message.subject.slice(0, 150), emoji: true } },
    ...sections(escapeMrkdwn(message.text)).map((text) => ({ type: "section", text: { type: "mrkdwn", text } })),
  ];
  const reserved = message.link ? 1 : 0;
  const kept = blocks.slice(0, BLOCKS_MAX - reserved);
  if (message.link) {
    kept.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open" }, url: message.link }],
    });
  }
  return { text: `${message.subject}\n${message.text}`.slice(0, 4000), blocks: kept };
}
