import { h } from "../lib/dom";

/** The JSON report the service answers (DESIGN.md's contract). */
export interface MonthlyReportJson {
  schemaVersion: number;
  board: { id: string; name: string | null };
  period: { month: string; timezone: string; start: string; end: string };
  cards: { created: number; completed: number };
  comments: number;
}

function monthName(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, number - 1, 1));
}

function instantIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

function figure(label: string, value: number, hint: string): HTMLElement {
  return h("div", { class: "figure" }, h("dt", {}, label), h("dd", { "data-figure": label }, value.toLocaleString("en-US")), h("p", { class: "muted" }, hint));
}

/** A report as a short page: the period in the board's time zone and the month's figures. */
export function monthlyReportView(report: MonthlyReportJson, audience: "internal" | "client"): HTMLElement {
  const { period } = report;
  const boardName = report.board.name ?? "this board";
  return h(
    "article",
    { class: "monthly-report", "aria-label": `Report for ${monthName(period.month)}` },
    h("h2", {}, `${boardName}: ${monthName(period.month)}`),
    h(
      "p",
      { class: "muted report-period" },
      `${audience === "client" ? "For the client" : "Internal"} · ${period.timezone} · from ${instantIn(period.start, period.timezone)} until ${instantIn(period.end, period.timezone)}`,
    ),
    h(
      "dl",
      { class: "figures" },
      figure("Cards created", report.cards.created, "New, copied or moved onto the board"),
      figure("Cards completed", report.cards.completed, "Distinct cards that reached a done list"),
      figure("Comments", report.comments, "Comments written on cards"),
    ),
  );
}
