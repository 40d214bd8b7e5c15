import type { ReportModel } from "../model/report-model";
import { reportDigest } from "./report-digest";

/** The monthly report as a chat message: a few lines and the share link (the adapters make it a button). */
export function renderReportChat(model: ReportModel, link: { url: string }): { subject: string; text: string } {
  const digest = reportDigest(model);
  const figures = digest.figures
    .filter((f) => f.label.startsWith("Milestones") || f.label === "Cards completed")
    .map((f) => `${f.label}: ${f.value}`);
  const text = [
    `${digest.title}${model.party ? ` (${model.party})` : ""}`,
    `Status: ${digest.status}. ${figures.join(" · ")}`,
    ...digest.highlights.slice(0, 3).map((h) => `• ${h}`),
    `Full report: ${link.url}`,
  ].join("\n");
  return { subject: digest.title, text };
}
