import { AUDIENCE_LABELS } from "../../shared/loop/audience";
import type { ReportFormat, ReportSnapshotMeta } from "../../shared/api/report-api";
import { h } from "../lib/dom";

export type { ReportSnapshotMeta };
export type DownloadFormat = ReportFormat;

export interface SnapshotActions {
  download(format: DownloadFormat): void;
  postToBoard(): void;
}

const DOWNLOADS: { format: DownloadFormat; label: string }[] = [
  { format: "pdf", label: "Download PDF" },
  { format: "html", label: "Download HTML" },
  { format: "md", label: "Download Markdown" },
  { format: "csv", label: "Download CSV" },
  { format: "json", label: "Download JSON" },
];

/** "March 2026". */
export function monthName(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    Date.UTC(year, number - 1, 1),
  );
}

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** Who made a snapshot, in words. */
function author(createdBy: string, memberNames: Map<string, string>): string {
  return createdBy === "schedule" ? "the month-close schedule" : (memberNames.get(createdBy) ?? "a board member");
}

/** One line saying which version this is, when and by whom it was generated. */
export function snapshotCaption(meta: ReportSnapshotMeta, memberNames: Map<string, string>): string {
  const audience =
    meta.audience === "internal"
      ? "Internal"
      : `${AUDIENCE_LABELS[meta.audience]}${meta.party ? `: ${meta.party}` : ""}`;
  return `Version ${meta.version} · ${audience} · ${meta.timezone} · generated ${when(meta.createdAt, meta.timezone)} by ${author(meta.createdBy, memberNames)}`;
}

/**
 * A generated report: its caption, downloads, "Post to board" and the service's HTML in a sandboxed frame. The
 * sandbox has no permissions at all: the report is the board's own text, so it may never run script or navigate.
 */
export function snapshotViewer(
  meta: ReportSnapshotMeta,
  html: string,
  memberNames: Map<string, string>,
  actions: SnapshotActions,
  /** Shown between the actions and the report (the share links of a client or partner copy). */
  extra?: HTMLElement,
): HTMLElement {
  const frame = h("iframe", {
    class: "report-frame",
    sandbox: "",
    title: `Report for ${monthName(meta.month)}, version ${meta.version}`,
  }) as HTMLIFrameElement;
  frame.srcdoc = html;
  return h(
    "article",
    { class: "monthly-report", "data-snapshot": meta.id, "aria-label": `Report for ${monthName(meta.month)}` },
    h("h2", {}, `${monthName(meta.month)} · version ${meta.version}`),
    h("p", { class: "muted report-period" }, snapshotCaption(meta, memberNames)),
    h(
      "div",
      { class: "actions report-actions" },
      ...DOWNLOADS.map(({ format, label }) =>
        h(
          "button",
          { type: "button", class: "btn", "data-download": format, onclick: () => actions.download(format) },
          label,
        ),
      ),
      h("button", { type: "button", class: "btn", onclick: () => actions.postToBoard() }, "Post to board"),
    ),
    extra,
    frame,
  );
}

/** The versions generated for the chosen month and audience, newest first; the one shown is marked. */
export function versionList(
  snapshots: ReportSnapshotMeta[],
  shownId: string | undefined,
  memberNames: Map<string, string>,
  show: (meta: ReportSnapshotMeta) => void,
): HTMLElement {
  if (snapshots.length === 0)
    return h("p", { class: "muted" }, "No report has been generated for this month and audience yet.");
  return h(
    "ul",
    { class: "report-versions", "aria-label": "Generated versions" },
    ...snapshots.map((meta) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "btn btn-link",
            "aria-current": meta.id === shownId ? "true" : null,
            onclick: () => show(meta),
          },
          `Version ${meta.version}`,
        ),
        ` ${when(meta.createdAt, meta.timezone)}, by ${author(meta.createdBy, memberNames)}`,
      ),
    ),
  );
}
