import type { SmtpConfig } from "../config/load-config";
import { createChatSender } from "./channels/create-chat-sender";
import { createEmailSender } from "./channels/create-email-sender";
import { googleChatPayload } from "./channels/google-chat-payload";
import type { ChannelSender } from "./channels/send-outcome";
import { slackPayload } from "./channels/slack-payload";
import { teamsPayload } from "./channels/teams-payload";
import type { DeliveryChannel } from "./outgoing-message";

export interface DeliverySenders {
  senders: Partial<Record<DeliveryChannel, ChannelSender>>;
  /** Closes the SMTP connection pool. */
  close(): void;
}

/** One sender per channel the service can use: email when SMTP is configured, the three chat platforms always. */
export function createDeliverySenders(
  smtp: SmtpConfig | undefined,
  options: { timeoutMs?: number } = {},
): DeliverySenders {
  const email = smtp
    ? createEmailSender({ smtpUrl: smtp.url, from: smtp.from, timeoutMs: options.timeoutMs })
    : undefined;
  return {
    senders: {
      ...(email ? { email } : {}),
      slack: createChatSender({ payload: slackPayload, timeoutMs: options.timeoutMs }),
      teams: createChatSender({ payload: teamsPayload, timeoutMs: options.timeoutMs }),
      "google-chat": createChatSender({ payload: googleChatPayload, timeoutMs: options.timeoutMs }),
    },
    close: () => email?.close(),
  };
}
