import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { CHAT_PAYLOAD_SCHEMAS, chatView, type ChatPlatform } from "./chat-payload-schemas";
import type { Outbox } from "./create-outbox";

/** What the catcher answers: a status (and body) like the platform would, or nothing at all (a timeout). */
export type ChatVerdict = { status: number; body?: string } | { hang: true } | undefined;

export interface ChatCatcher {
  port: number;
  /** The webhook URL for a platform and a name, e.g. http://127.0.0.1:port/hooks/teams/dana. */
  urlFor(platform: ChatPlatform, name: string): string;
  close(): Promise<void>;
}

export interface ChatCatcherOptions {
  port?: number;
  /** Failure injection for tests: a verdict overrides the platform's success answer. */
  verdict?: (platform: ChatPlatform, name: string) => ChatVerdict;
}

const PLATFORMS = Object.keys(CHAT_PAYLOAD_SCHEMAS) as ChatPlatform[];

/** How each platform answers a good post: Slack "ok", Teams Workflows 202, Google Chat the created message. */
const SUCCESS: Record<ChatPlatform, { status: number; body: string }> = {
  slack: { status: 200, body: "ok" },
  teams: { status: 202, body: "" },
  "google-chat": { status: 200, body: JSON.stringify({ name: "spaces/demo/messages/1" }) },
};

/** An HTTP receiver standing in for Slack, Teams and Google Chat incoming webhooks (demo and tests). */
export async function startChatCatcher(
  outbox: Outbox,
  { port = 0, verdict = () => undefined }: ChatCatcherOptions = {},
): Promise<ChatCatcher> {
  const app = express();
  app.post("/hooks/:platform/:name", express.json({ limit: "1mb" }), (req, res) => {
    const platform = String(req.params.platform) as ChatPlatform;
    const name = String(req.params.name);
    if (!PLATFORMS.includes(platform)) return void res.status(404).send("no such webhook");
    const fate = verdict(platform, name);
    if (fate && "hang" in fate) return;
    if (fate) return void res.status(fate.status).send(fate.body ?? "");
    const parsed = CHAT_PAYLOAD_SCHEMAS[platform].safeParse(req.body);
    if (!parsed.success) return void res.status(400).send(parsed.error.issues[0]?.message ?? "invalid_payload");
    const view = chatView(platform, req.body as Record<string, unknown>);
    outbox.add({
      transport: platform,
      audience: String(req.headers["x-loop-audience"] ?? ""),
      to: name,
      ...view,
      attachments: [],
      payload: req.body,
      headers: { "content-type": String(req.headers["content-type"] ?? "") },
    });
    res.status(SUCCESS[platform].status).send(SUCCESS[platform].body);
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(listening)));
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    urlFor: (platform, name) => `http://127.0.0.1:${bound}/hooks/${platform}/${encodeURIComponent(name)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
