import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { callService } from "./call-service";
import type { ReportSnapshotMeta } from "./monthly-report-view";

/** A share link as the service lists it; `url` only in the answer that made it. */
export interface ShareLink {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  firstOpenedAt?: string;
  lastOpenedAt?: string;
  openCount: number;
  url?: string;
}

const EXPIRY_CHOICES = [7, 30, 90];

function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** Where a link stands, in words, as of `now`. */
function linkState(link: ShareLink, now: number, timeZone: string): string {
  if (link.revokedAt) return `Revoked ${day(link.revokedAt, timeZone)}`;
  if (Date.parse(link.expiresAt) <= now) return `Expired ${day(link.expiresAt, timeZone)}`;
  return `Works until ${day(link.expiresAt, timeZone)}`;
}

function openings(link: ShareLink, timeZone: string): string {
  if (!link.firstOpenedAt) return "Not opened yet";
  const times = link.openCount === 1 ? "once" : `${link.openCount} times`;
  return `Opened ${times}: first ${day(link.firstOpenedAt, timeZone)}, last ${day(link.lastOpenedAt ?? link.firstOpenedAt, timeZone)}`;
}

/** Copies text from a field: the Clipboard API where Trello's iframe allows it, else the field's selection. */
async function copyField(field: HTMLInputElement): Promise<boolean> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    return document.execCommand("copy");
  }
}

/**
 * "Share link" for a client or partner report: make a link (7, 30 or 90 days) that opens this copy without a Trello
 * account, copy it (it is shown once: the service keeps only its hash), and see each link's openings or revoke it.
 * `reload` shows links made elsewhere (a send makes one per recipient).
 */
export function shareLinksPanel(
  t: Trello.PowerUp.IFrame,
  meta: ReportSnapshotMeta,
): { element: HTMLElement; reload: () => Promise<void> } {
  const path = `/api/boards/${meta.boardId}/reports/${meta.id}/share-links`;
  const message = h("div", { class: "message", "aria-live": "polite" });
  const fresh = h("div", { class: "share-new" });
  const list = h("ul", { class: "share-links", "aria-label": "Share links of this version" });
  const label = h("input", {
    id: `share-label-${meta.id}`,
    name: "shareLabel",
    maxlength: 120,
    placeholder: "e.g. Nora at Northwind",
  }) as HTMLInputElement;
  const expiry = h(
    "select",
    { id: `share-days-${meta.id}`, name: "shareDays" },
    ...EXPIRY_CHOICES.map((days) => h("option", { value: days, selected: days === 30 }, `${days} days`)),
  ) as HTMLSelectElement;
  let links: ShareLink[] = [];

  function showList(): void {
    const now = Date.now();
    if (links.length === 0)
      return replaceChildren(list, h("li", { class: "muted" }, "No share link for this version yet."));
    replaceChildren(
      list,
      ...links.map((link) => {
        const live = !link.revokedAt && Date.parse(link.expiresAt) > now;
        return h(
          "li",
          { "data-share-link": link.id },
          h("strong", {}, link.label || "Share link"),
          ` · made ${day(link.createdAt, meta.timezone)} · ${linkState(link, now, meta.timezone)} · ${openings(link, meta.timezone)} `,
          live
            ? h("button", { type: "button", class: "btn btn-link", onclick: () => void revoke(link) }, "Revoke")
            : null,
        );
      }),
    );
  }

  async function load(): Promise<void> {
    const answer = await callService<{ links: ShareLink[] }>(t, path, { state: "share" });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    links = answer.body.links;
    showList();
  }

  async function create(): Promise<void> {
    const body = { expiresInDays: Number(expiry.value), ...(label.value.trim() ? { label: label.value.trim() } : {}) };
    const answer = await callService<ShareLink>(t, path, { method: "POST", state: "share", body });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    links = [answer.body, ...links];
    showList();
    const field = h("input", {
      class: "share-url",
      readonly: true,
      "aria-label": "New share link",
      value: answer.body.url ?? "",
    }) as HTMLInputElement;
    replaceChildren(
      fresh,
      field,
      h(
        "button",
        {
          type: "button",
          class: "btn",
          onclick: async () =>
            showMessage(message, (await copyField(field)) ? "Link copied." : "Select the link and copy it.", "ok"),
        },
        "Copy link",
      ),
    );
    showMessage(
      message,
      "Link made. Copy it now: for safety it is not shown again (make a new one if it is lost).",
      "ok",
    );
  }

  async function revoke(link: ShareLink): Promise<void> {
    const answer = await callService<ShareLink>(t, `${path}/${link.id}`, { method: "DELETE", state: "share" });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    links = links.map((l) => (l.id === link.id ? answer.body : l));
    showList();
    showMessage(message, "Link revoked: it no longer opens the report.", "ok");
  }

  void load();
  const element = h(
    "section",
    { class: "share-panel", "aria-label": "Share link" },
    h("h3", {}, "Share link"),
    h(
      "p",
      { class: "muted" },
      `Anyone with the link sees this ${meta.audience} copy, read-only, without a Trello account, until it expires or you revoke it.`,
    ),
    h(
      "div",
      { class: "field-row" },
      h("div", { class: "field" }, h("label", { for: label.id }, "For whom (optional)"), label),
      h("div", { class: "field" }, h("label", { for: expiry.id }, "Works for"), expiry),
      h(
        "div",
        { class: "field" },
        h("button", { type: "button", class: "btn btn-primary", onclick: () => void create() }, "Create share link"),
      ),
    ),
    fresh,
    message,
    list,
  );
  return { element, reload: load };
}
