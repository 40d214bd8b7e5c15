import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { Outbox } from "./create-outbox";

/** What the catcher answers to a message: accept it, refuse it with an SMTP reply, or say nothing (a timeout). */
export type MailVerdict = { accept: true } | { accept: false; code: number; message: string } | { hang: true };

export interface MailCatcher {
  port: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  port?: number;
  /** Failure injection for tests: decides each message's fate (accept by default). */
  verdict?: (session: SMTPServerSession) => MailVerdict;
}

const HREF = /href="([^"]+)"/g;

/** A real SMTP server on localhost that parses every message it accepts into the outbox (demo and tests). */
export async function startMailCatcher(
  outbox: Outbox,
  { port = 0, verdict = () => ({ accept: true }) }: MailCatcherOptions = {},
): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Stakeholder Loop mail catcher",
    // A hanging test connection must not hold close() for smtp-server's default 30 s.
    closeTimeout: 500,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const fate = verdict(session);
      if ("hang" in fate) {
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          if (!fate.accept) {
            callback(Object.assign(new Error(fate.message), { responseCode: fate.code }));
            return;
          }
          const html = typeof mail.html === "string" ? mail.html : undefined;
          outbox.add({
            transport: "email",
            audience: String(mail.headers.get("x-loop-audience") ?? ""),
            to: session.envelope.rcptTo.map((r) => r.address).join(", "),
            from: mail.from?.text,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html,
            attachments: mail.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              size: a.size,
              content: a.content,
            })),
            links: html ? [...html.matchAll(HREF)].map((m) => m[1]!.replace(/&amp;/g, "&")) : [],
            headers: Object.fromEntries(
              [...mail.headerLines].map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
            ),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
