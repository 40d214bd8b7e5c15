/** What one Power-Up page needs in its HTML: its title and the built (content-hashed) files it loads. */
export interface PageAssets {
  /** The Power-Up's name (manifest.json), first in every title. */
  appName: string;
  title: string;
  /** Stylesheets, in order, as built names ("loop.3FQ2K7AB.css"). */
  styles: string[];
  /** The page's bundle as built ("milestone.5UJ3LQ2C.js"). */
  script: string;
}

/** Trello's client library: loaded by every page (the dev host and the demo swap it for their own). */
export const TRELLO_CLIENT = "https://p.trellocdn.com/power-up.min.js";
export const TRELLO_STYLESHEET = "https://p.trellocdn.com/power-up.min.css";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The one template of every Power-Up page: Trello's stylesheet and client, ours, the service's configuration, and the
 * page's bundle drawing into `#app` (which says "Loading…" until it does; the connector draws nothing).
 */
export function pageHtml({ appName, title, styles, script }: PageAssets): string {
  const loading = script.startsWith("connector.") ? "" : "Loading…";
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(appName)} — ${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${TRELLO_STYLESHEET}">`,
    ...styles.map((style) => `<link rel="stylesheet" href="./${style}">`),
    `<script src="${TRELLO_CLIENT}"></script>`,
    '<script src="./loop-config.js"></script>',
    `</head><body><main id="app" aria-live="polite">${loading}</main><script src="./${script}"></script></body></html>`,
    "",
  ].join("\n");
}
