import { AUDIENCES, isKnownTimeZone } from "../../shared/loop/board-settings";
import { loadBoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import { inputField, selectField, valueOf } from "./board-fields";
import { callService } from "./call-service";
import { monthlyReportView, type MonthlyReportJson } from "./monthly-report-view";
import { previousMonth } from "./previous-month";
import { timeZoneField } from "./time-zone-field";

type Audience = (typeof AUDIENCES)[number];

/** The "Monthly report" modal: pick a month, audience and time zone, and see the month's figures from the service. */
export async function renderReportPage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const board = await loadBoardRecords(t);
  const message = h("div", { class: "message", "aria-live": "polite" });
  const result = h("section", { class: "report-result", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "loop-form report-form", novalidate: true },
    h(
      "div",
      { class: "field-row" },
      inputField("Month", "month", "month", previousMonth(board.today), { max: board.today.slice(0, 7) }),
      selectField("Audience", "audience", [
        { value: "internal", label: "Internal (the team)" },
        { value: "client", label: "Client or partner" },
      ], board.settings.reportAudience),
      timeZoneField("Time zone", "timezone", board.timeZone),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Show report")),
  ) as HTMLFormElement;
  replaceChildren(
    root,
    h("h1", {}, "Monthly report"),
    h("p", { class: "muted" }, "Built by the Stakeholder Loop service from the board's synced history: no burst of calls to Trello."),
    form,
    message,
    result,
    h(
      "p",
      { class: "muted report-note" },
      "This page shows the month's headline figures. The full report, with every section and as a PDF, comes from the Stakeholder Loop service.",
    ),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void show();
  });

  async function show(): Promise<void> {
    clearFieldErrors(form);
    message.className = "message";
    message.textContent = "";
    const month = valueOf(form, "month");
    const timezone = valueOf(form, "timezone").trim();
    const audience = valueOf(form, "audience") as Audience;
    const errors: Record<string, string> = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.month = "Choose a month";
    if (!isKnownTimeZone(timezone)) errors.timezone = "Choose a time zone such as Europe/Berlin";
    if (Object.keys(errors).length) return showFieldErrors(form, errors, message);
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    replaceChildren(result, h("p", { class: "muted" }, "Building the report…"));
    const query = new URLSearchParams({ month, timezone });
    const answer = await callService<MonthlyReportJson>(t, `/api/boards/${board.board.id}/reports/monthly?${query.toString()}`, { state: "report" });
    button.disabled = false;
    if (!answer.ok) {
      replaceChildren(result);
      return showMessage(message, answer.message, "error");
    }
    replaceChildren(result, monthlyReportView(answer.body, audience));
  }
}
