/** How one attempt went: sent, or failed with the reason as the server said it and whether trying again may help. */
export type SendOutcome = { ok: true } | { ok: false; retry: boolean; reason: string };

/** Where a message is actually delivered: one per channel, each speaking its platform's protocol. */
export interface ChannelSender {
  send(message: ChannelMessage): Promise<SendOutcome>;
}

/** A message as a channel needs it: the recipient resolved (an email address, or a webhook URL). */
export interface ChannelMessage {
  /** Unique per delivery: the email Message-ID and the chat card id derive from it. */
  deliveryId: number;
  idempotencyKey: string;
  /** Sent along (X-Loop-Audience) so a receiving catcher, the demo's Outbox and the suite's leak check know whose copy it is. */
  audience: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  link?: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}
