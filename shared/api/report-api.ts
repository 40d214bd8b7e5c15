import type { Audience } from "../loop/audience";

/** The formats a report snapshot is downloaded in (`?format=`), JSON being the report model itself. */
export const REPORT_FORMATS = ["json", "html", "md", "csv", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The project's status as a report states it (computed, or the PM's own call). */
export const PROJECT_STATUSES = ["on-track", "at-risk", "off-track"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  "off-track": "Off track",
};

/** A stored report snapshot as the API lists it: what it is, without its (large) contents. */
export interface ReportSnapshotMeta {
  id: string;
  boardId: string;
  month: string;
  timezone: string;
  audience: Audience;
  /** The client or partner organisation a client or partner report is for. */
  party?: string;
  version: number;
  contentHash: string;
  /** A Trello member id, or "schedule" for a report made when its month closed. */
  createdBy: string;
  createdAt: string;
}
