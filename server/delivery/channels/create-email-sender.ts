import nodemailer from "nodemailer";
import type { ChannelSender, SendOutcome } from "./send-outcome";

export interface EmailSenderOptions {
  /** SMTP_URL: smtp://user:pass@host:port or smtps://… (credentials stay in this transport, never logged). */
  smtpUrl: string;
  /** MAIL_FROM: the From address, e.g. "Stakeholder Loop <loop@example.com>". */
  from: string;
  /** Gives up on a silent server after this long (connection, greeting and each reply). */
  timeoutMs?: number;
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** SMTP's own split: 4xx replies are transient (try later), 5xx permanent; no reply at all (timeout, refused) is transient. */
export function classifySmtpFailure(err: SmtpFailure): SendOutcome {
  if (typeof err.responseCode === "number") {
    return {
      ok: false,
      retry: err.responseCode < 500,
      reason: `SMTP ${err.response ?? err.responseCode}`.slice(0, 500),
    };
  }
  return { ok: false, retry: true, reason: `${err.code ?? "SMTP"}: ${err.message ?? "no reply"}`.slice(0, 500) };
}

/** Email over SMTP with nodemailer: one pooled transport for the service. */
export function createEmailSender({
  smtpUrl,
  from,
  timeoutMs = 30_000,
}: EmailSenderOptions): ChannelSender & { close(): void } {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "stakeholder-loop.local";
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
          // Stable per delivery, so a receiving server that saw a resent attempt can tell it is the same message.
          headers: { "X-Loop-Audience": message.audience },
          messageId: `<delivery-${message.deliveryId}.${message.idempotencyKey.replace(/[^\w.-]/g, "_").slice(0, 60)}@${domain}>`,
        });
        return { ok: true };
      } catch (err) {
        return classifySmtpFailure(err as SmtpFailure);
      }
    },
    close: () => transport.close(),
  };
}
