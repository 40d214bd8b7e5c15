import { Router } from "express";
import { escapeHtml } from "../reports/render/escape-html";
import type { Store } from "../store/create-store";
import { SHARE_PATH } from "./create-share-link";
import { openShareLink } from "./open-share-link";

/** The page a refused link gets: the same words for an unknown, revoked or expired link, and nothing about the board. */
function refusedPage(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Helvetica Neue",Arial,sans-serif;color:#1d2733;max-width:560px;margin:80px auto;padding:0 24px;line-height:1.5}h1{font-size:22px}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

const ASK = "Ask the person who sent it to you for a new link.";

export interface ShareViewRouterDeps {
  store: Store;
  now?: () => Date;
}

/**
 * The public, read-only view of a shared report: GET /share/:token answers the snapshot's stored HTML (the copy of
 * the audience it was made for), with no Trello script and no account. Unknown tokens are 404, revoked or expired
 * ones 410, with one page for both that does not say which.
 */
export function createShareViewRouter({ store, now = () => new Date() }: ShareViewRouterDeps): Router {
  const router = Router();
  router.get(`${SHARE_PATH}/:token`, (req, res) => {
    const opening = openShareLink(store, String(req.params.token), now());
    res.type("html");
    if (!opening.ok && opening.reason === "unknown") {
      res
        .status(404)
        .send(
          refusedPage(
            "This link does not work",
            `The address is not a report link, or it was copied incompletely. ${ASK}`,
          ),
        );
      return;
    }
    if (!opening.ok) {
      res
        .status(410)
        .send(
          refusedPage(
            "This report link is no longer available",
            `Report links work for a limited time and can be withdrawn. ${ASK}`,
          ),
        );
      return;
    }
    res.send(opening.snapshot.html);
  });
  return router;
}
