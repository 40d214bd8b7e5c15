import type { Channel } from "./stakeholder";

/** The channels the service can send on: email over SMTP, or a chat platform's incoming webhook. */
export const DELIVERY_CHANNELS = ["email", "slack", "teams", "google-chat"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The chat channels, whose route is a webhook URL the service stores for the stakeholder. */
export const CHAT_CHANNELS = ["slack", "teams", "google-chat"] as const satisfies readonly DeliveryChannel[];

/** How a stakeholder's agreed channel is sent on, or undefined where the PM talks to them (phone, meeting, Trello). */
export function deliveryChannelOf(channel: Channel): DeliveryChannel | undefined {
  return (DELIVERY_CHANNELS as readonly string[]).includes(channel) ? (channel as DeliveryChannel) : undefined;
}

/** True for channels whose route is a stored webhook URL. */
export function isChatChannel(channel: DeliveryChannel): boolean {
  return (CHAT_CHANNELS as readonly string[]).includes(channel);
}

/** How each channel is named to a PM. */
export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  email: "Email",
  slack: "Slack",
  teams: "Microsoft Teams",
  "google-chat": "Google Chat",
};
