import { loadBoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { readErrorBox } from "../lib/read-error-box";
import { iframeClient } from "../lib/trello-iframe";
import {
  invoiceSection,
  milestoneSection,
  reviewSection,
  rolesSection,
  scopeSection,
  sprintSection,
  stakeholderSection,
} from "./card-back-sections";
import { loadError } from "./run-popup-page";

type Child = Node | string | null | undefined | false;

type Read<V> = { status: "absent" } | { status: "ok"; value: V } | { status: "invalid"; message: string };

/** Where each record is edited, so an unreadable one says which button repairs it. */
const OPENED_FROM: Record<string, string> = {
  Stakeholder: "the board button “Stakeholders”",
  "Update log": "the card button “Log update”",
  Roles: "the card button “Roles”",
  Scope: "the card button “Scope”",
  Milestone: "the card button “Milestone”",
  Invoice: "the card button “Invoice”",
  Sprint: "the board button “Sprint”",
  "Sprint review": "the card button “Sprint review”",
};

function block<V>(title: string, read: Read<V> | undefined, build: (value: V) => Child[]): HTMLElement | null {
  if (!read || read.status === "absent") return null;
  return h(
    "section",
    { class: "loop-section", "aria-label": title },
    ...(read.status === "invalid"
      ? [readErrorBox(`${read.message} It opens from ${OPENED_FROM[title]}.`)]
      : build(read.value)),
  );
}

function emptyState(): HTMLElement {
  return h(
    "div",
    { class: "loop-empty" },
    h("p", {}, "No Stakeholder Loop data on this card yet."),
    h(
      "ul",
      { class: "muted" },
      h(
        "li",
        {},
        "Roles, Scope, Milestone and Invoice (card buttons) record who is involved, what is in scope and what is due or billed.",
      ),
      h("li", {}, "To make this card a stakeholder, use the board button “Stakeholders”."),
    ),
  );
}

/** The card-back section: every Loop record on the card, read-only and compact; unreadable records as errors. */
export async function cardBackContent(t: Trello.PowerUp.IFrame): Promise<Node> {
  const board = await loadBoardRecords(t);
  const cardId = t.getContext().card ?? "";
  const records = board.records.get(cardId) ?? {};
  const log = records.log?.status === "ok" ? records.log.value : undefined;
  const blocks = [
    block("Stakeholder", records.stakeholder, (s) => stakeholderSection(board, s, log)),
    // The log is summed up in the stakeholder's line; alone it is only worth showing when it cannot be read.
    records.log?.status === "invalid" ? block("Update log", records.log, () => []) : null,
    block("Roles", records.roles, (roles) => rolesSection(board, roles)),
    block("Scope", records.scope, (scope) => scopeSection(board, scope)),
    block("Milestone", records.milestone, (milestone) => milestoneSection(board, milestone, cardId)),
    block("Invoice", records.invoice, (invoice) => invoiceSection(board, invoice)),
    block("Sprint", records.sprint, sprintSection),
    block("Sprint review", records.review, reviewSection),
  ].filter((b) => b !== null);
  return h("div", { class: "card-back" }, ...(blocks.length ? blocks : [emptyState()]));
}

/** Renders the card-back now and again whenever the card's data changes (t.render), sized to its content. */
export function runCardBack(): void {
  const app = document.getElementById("app")!;
  const t = iframeClient();
  let latest = 0;
  t.render(() => {
    // A slow read must not overwrite a newer one.
    const run = ++latest;
    cardBackContent(t)
      .catch((err: unknown) => loadError(err))
      .then((content) => {
        if (run !== latest) return;
        replaceChildren(app, content);
        void t.sizeTo("#app");
      });
  });
}
