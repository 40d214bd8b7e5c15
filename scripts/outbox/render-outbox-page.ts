import { escapeHtml } from "../../server/reports/render/escape-html";
import type { ReceivedMessage } from "./create-outbox";

const TRANSPORT_LABELS: Record<ReceivedMessage["transport"], string> = {
  email: "Email",
  slack: "Slack",
  teams: "Microsoft Teams",
  "google-chat": "Google Chat",
};

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-GB")} KB`;

function messageHtml(m: ReceivedMessage, base: string): string {
  const head = `
    <header class="msg-head">
      <span class="chip chip-${escapeHtml(m.transport)}">${TRANSPORT_LABELS[m.transport]}</span>
      ${m.audience ? `<span class="chip">${escapeHtml(m.audience)} copy</span>` : ""}
      <h2>${escapeHtml(m.subject || "(no subject)")}</h2>
      <dl>
        ${m.from ? `<dt>From</dt><dd>${escapeHtml(m.from)}</dd>` : ""}
        <dt>To</dt><dd>${escapeHtml(m.transport === "email" ? m.to : `webhook “${m.to}”`)}</dd>
        <dt>Received</dt><dd><time datetime="${m.receivedAt}">${escapeHtml(m.receivedAt.replace("T", " ").slice(0, 19))} UTC</time></dd>
      </dl>
    </header>`;
  const attachments = m.attachments.length
    ? `<ul class="attachments">${m.attachments
        .map(
          (a, i) =>
            `<li><a href="${base}/${m.id}/attachments/${i}">${escapeHtml(a.filename)}</a> <span class="muted">${escapeHtml(a.contentType)}, ${kb(a.size)}</span></li>`,
        )
        .join("")}</ul>`
    : "";
  // The mail's own HTML is untrusted: it renders in a sandboxed frame (no scripts, no same-origin, no forms).
  const body = m.html
    ? `<iframe class="mail-body" sandbox="" src="${base}/${m.id}/body.html" title="${escapeHtml(m.subject)}"></iframe>`
    : `<pre class="text-body">${escapeHtml(m.text)}</pre>`;
  const payload =
    m.payload !== undefined
      ? `<details open><summary>${TRANSPORT_LABELS[m.transport]} payload as posted</summary><pre class="payload">${escapeHtml(JSON.stringify(m.payload, null, 2))}</pre></details>`
      : "";
  const links = m.links.length
    ? `<p class="links">Links: ${m.links.map((l) => `<a href="${escapeHtml(l)}" target="_blank" rel="noopener">${escapeHtml(l)}</a>`).join(", ")}</p>`
    : "";
  return `<article class="message" id="message-${m.id}" data-transport="${escapeHtml(m.transport)}">${head}${attachments}${links}${body}${payload}</article>`;
}

/** The demo's Outbox: every message the local mail and chat catchers received, newest first, as a recipient sees it. */
export function renderOutboxPage(messages: readonly ReceivedMessage[], base: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outbox — Stakeholder Loop demo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #172b4d; background: #f7f8f9; }
  .top { padding: 12px 20px; background: #0c66e4; color: #fff; display: flex; align-items: baseline; gap: 16px; }
  .top h1 { margin: 0; font-size: 20px; } .top a { color: #fff; } .top p { margin: 0; opacity: .9; }
  main { padding: 16px 20px; max-width: 980px; }
  .empty { padding: 16px; border: 1px dashed #c1c7d0; border-radius: 6px; background: #fff; }
  .message { background: #fff; border: 1px solid #dcdfe4; border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
  .msg-head h2 { margin: 6px 0; font-size: 16px; }
  dl { display: grid; grid-template-columns: 80px 1fr; gap: 2px 8px; margin: 0 0 8px; } dt { color: #626f86; } dd { margin: 0; }
  .chip { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e9f2ff; color: #0055cc; font-size: 12px; margin-right: 4px; }
  .chip-teams { background: #f3f0ff; color: #5e4db2; } .chip-slack { background: #fff7d6; color: #7f5f01; } .chip-google-chat { background: #dcfff1; color: #216e4e; }
  .attachments { margin: 4px 0 8px; padding-left: 18px; } .muted { color: #626f86; }
  .mail-body { width: 100%; height: 460px; border: 1px solid #dcdfe4; border-radius: 4px; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f7f8f9; padding: 8px; border-radius: 4px; margin: 6px 0; }
  .payload { max-height: 320px; overflow: auto; font-size: 12px; }
</style></head>
<body>
<div class="top"><h1>Outbox</h1><p>${messages.length} message${messages.length === 1 ? "" : "s"} received by the demo's mail server and chat webhooks · <a href="${base}">Refresh</a></p></div>
<main>
${messages.length ? messages.map((m) => messageHtml(m, base)).join("\n") : '<p class="empty">Nothing sent yet. Open the Stakeholders page on the board and use “Send update”: the message arrives here as its recipient would see it.</p>'}
</main></body></html>`;
}
