import type { ReportModel } from "../model/report-model";
import { escapeHtml } from "../render/escape-html";
import { formatInstant } from "../render/format-values";
import { reportDigest } from "./report-digest";

export interface ReportEmailInput {
  /** The report model of the recipient's audience (their party's copy). */
  model: ReportModel;
  /** The recipient's name, for the greeting. */
  recipientName: string;
  /** The share link to the read-only report and when it stops working. */
  link: { url: string; expiresAt: string };
  /** The attached PDF's file name. */
  pdfFilename: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

// Mail clients drop <style> blocks and external CSS (Gmail, Outlook): every style is inline, the layout is tables
// 600 px wide, fonts are ones every client has, and there is no image and no script.
const FONT = "font-family:Arial,Helvetica,sans-serif;";
const CELL = `${FONT}font-size:14px;line-height:20px;color:#1d2733;`;

const row = (content: string, style = "") =>
  `<tr><td style="${CELL}padding:0 24px 12px 24px;${style}">${content}</td></tr>`;

function listHtml(title: string, items: string[]): string {
  if (items.length === 0) return "";
  const lis = items.map((item) => `<li style="margin:0 0 4px 0;">${escapeHtml(item)}</li>`).join("");
  return row(`<strong>${escapeHtml(title)}</strong><ul style="margin:6px 0 0 0;padding:0 0 0 20px;">${lis}</ul>`);
}

/**
 * The monthly report as a stakeholder receives it by email: a short, readable HTML body (status, highlights, key
 * figures, what is next), a button to the read-only report, the PDF attached, and the same in plain text.
 */
export function renderReportEmail({ model, recipientName, link, pdfFilename }: ReportEmailInput): RenderedEmail {
  const digest = reportDigest(model);
  const until = formatInstant(link.expiresAt, model.period.timezone);
  const subject = `${digest.title}${model.party ? ` (${model.party})` : ""}`;
  const figures = digest.figures
    .map(
      (f) =>
        `<tr><td style="${CELL}padding:4px 8px;border:1px solid #d6dde6;background:#eef2f7;">${escapeHtml(f.label)}</td>` +
        `<td style="${CELL}padding:4px 8px;border:1px solid #d6dde6;">${escapeHtml(f.value)}</td></tr>`,
    )
    .join("");
  const button =
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td style="background:#2f6fb3;border-radius:4px;"><a href="${escapeHtml(link.url)}" ` +
    `style="${FONT}display:inline-block;padding:10px 18px;font-size:15px;color:#ffffff;text-decoration:none;font-weight:bold;">Open the full report</a></td>` +
    `</tr></table>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:100%;background:#ffffff;border:1px solid #dfe1e6;">
<tr><td style="${CELL}padding:20px 24px 4px 24px;font-size:20px;line-height:26px;font-weight:bold;">${escapeHtml(digest.title)}</td></tr>
${row(escapeHtml(digest.forWhom), "color:#5b6673;")}
${row(`Hello ${escapeHtml(recipientName)},<br>here is the monthly report. The status this month: <strong>${escapeHtml(digest.status)}</strong>.`)}
${listHtml("Highlights", digest.highlights)}
${row(`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">${figures}</table>`)}
${listHtml("Coming next", digest.next)}
${row(button)}
${row(`The full report is attached as ${escapeHtml(pdfFilename)}. The link opens it read-only, without an account, until ${escapeHtml(until)}.`, "color:#5b6673;font-size:13px;")}
</table></td></tr></table></body></html>`;
  const text = [
    digest.title,
    digest.forWhom,
    "",
    `Hello ${recipientName},`,
    `here is the monthly report. The status this month: ${digest.status}.`,
    ...(digest.highlights.length ? ["", "Highlights:", ...digest.highlights.map((h) => `- ${h}`)] : []),
    "",
    ...digest.figures.map((f) => `${f.label}: ${f.value}`),
    ...(digest.next.length ? ["", "Coming next:", ...digest.next.map((n) => `- ${n}`)] : []),
    "",
    `Open the full report: ${link.url}`,
    `(works without an account until ${until}; the PDF is attached as ${pdfFilename})`,
  ].join("\n");
  return { subject, text, html };
}
