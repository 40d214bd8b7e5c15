import { Router } from "express";
import type { Outbox } from "./create-outbox";
import { renderOutboxPage } from "./render-outbox-page";

export const OUTBOX_PATH = "/dev-host/outbox";

/** A received mail's own HTML: no script, no network, no same-origin access (the frame is sandboxed too). */
const MAIL_BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** `/dev-host/outbox`: the demo's Outbox page, each message's HTML body and attachments, and the list as JSON. */
export function createOutboxRouter(outbox: Outbox): Router {
  const router = Router();
  router.get(OUTBOX_PATH, (_req, res) => {
    res.set("cache-control", "no-store").type("html").send(renderOutboxPage(outbox.all(), OUTBOX_PATH));
  });
  router.get(`${OUTBOX_PATH}.json`, (_req, res) => {
    res
      .set("cache-control", "no-store")
      .json(
        outbox
          .all()
          .map(({ attachments, ...m }) => ({ ...m, attachments: attachments.map(({ content: _content, ...a }) => a) })),
      );
  });
  router.get(`${OUTBOX_PATH}/:id/body.html`, (req, res) => {
    const message = outbox.get(Number(req.params.id));
    if (!message?.html) return void res.status(404).type("text").send("No such message");
    res
      .set({ "content-security-policy": MAIL_BODY_CSP, "cache-control": "no-store", "x-frame-options": "SAMEORIGIN" })
      .type("html")
      .send(message.html);
  });
  router.get(`${OUTBOX_PATH}/:id/attachments/:n`, (req, res) => {
    const attachment = outbox.get(Number(req.params.id))?.attachments[Number(req.params.n)];
    if (!attachment) return void res.status(404).type("text").send("No such attachment");
    res.attachment(attachment.filename).type(attachment.contentType).send(attachment.content);
  });
  return router;
}
