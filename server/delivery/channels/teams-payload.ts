import type { ChannelMessage } from "./send-outcome";

/**
 * A Microsoft Teams incoming-webhook / Workflows body: a message carrying one Adaptive Card (Office 365 connectors'
 * MessageCard is retired; Workflows' "post to a channel when a webhook request is received" expects this shape).
 */
export function teamsPayload(message: ChannelMessage): Record<string, unknown> {
  const body = [
    { type: "TextBlock", text: message.subject, weight: "Bolder", size: "Medium", wrap: true },
    ...message.text
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== "")
      .map((text) => ({ type: "TextBlock", text, wrap: true })),
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          ...(message.link ? { actions: [{ type: "Action.OpenUrl", title: "Open", url: message.link }] } : {}),
        },
      },
    ],
  };
}
