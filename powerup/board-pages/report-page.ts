import { isPartyAudience, type Audience } from "../../shared/loop/audience";
import { loadBoardRecords, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { offerAuthorizeInPlace } from "../lib/authorize-in-place";
import { NOT_AUTHORIZED } from "../lib/create-card";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import { fetchServiceFile, saveBlob } from "../lib/service-file";
import { optionalValue, textValue } from "../lib/form-values";
import { partiesOf } from "../card-pages/party-field";
import { AUDIENCE_OPTIONS } from "./audience-options";
import { inputField, selectField, textAreaField } from "./board-fields";
import { callService } from "./call-service";
import { snapshotViewer, versionList, type DownloadFormat, type ReportSnapshotMeta } from "./monthly-report-view";
import { postReportToBoard } from "./post-report-to-board";
import { sendReportPanel } from "./send-report-panel";
import { shareLinksPanel } from "./share-links-panel";
import { defaultReportMonth } from "./default-report-month";
import { timeZoneField } from "./time-zone-field";
import { isKnownTimeZone } from "../../shared/time-zone";
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "../../shared/api/report-api";

/** A snapshot's file in one format. */
const fetchReportFile = (t: Trello.PowerUp.IFrame, boardId: string, snapshotId: string, format: string) =>
  fetchServiceFile(t, `/api/boards/${boardId}/reports/${snapshotId}?format=${format}`, "report", `report.${format}`);

/**
 * The "Monthly report" modal: pick a month, audience and time zone, generate a frozen report on the service, read it
 * here, see earlier versions, download it (PDF, HTML, Markdown, CSV, JSON) or post it to the board's Reports list.
 */
export async function renderReportPage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const board: BoardRecords = await loadBoardRecords(t);
  const boardId = board.board.id;
  const memberNames = new Map(board.members.map((m) => [m.id, m.fullName]));
  const message = h("div", { class: "message", "aria-live": "polite" });
  // A client or partner report is for one organisation: the party select offers the board's ones of that kind.
  const parties = partiesOf(board);
  const partySelect = h("select", { id: "report-party", name: "party" }) as HTMLSelectElement;
  const partyField = h("div", { class: "field" }, h("label", { for: "report-party" }, "Organisation"), partySelect);
  // The PM note is internal: a client's or partner's copy never shows it, so their form does not offer it.
  const noteField = textAreaField("PM note (internal reports only)", "pmNote", "", 2000);
  const showAudience = (audience: string): void => {
    const forParty = isPartyAudience(audience as Audience);
    const list = forParty ? parties[audience as "client" | "partner"] : [];
    partyField.hidden = !forParty;
    noteField.hidden = forParty;
    replaceChildren(
      partySelect,
      ...(list.length
        ? list.map((p) => h("option", { value: p }, p))
        : [h("option", { value: "" }, `No ${audience} organisation yet`)]),
    );
  };
  const versions = h("section", { class: "report-history", "aria-label": "Earlier versions" });
  const result = h("section", { class: "report-result", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "loop-form report-form", novalidate: true },
    h(
      "div",
      { class: "field-row" },
      inputField("Month", "month", "month", defaultReportMonth(board.today), { max: board.today.slice(0, 7) }),
      selectField("Audience", "audience", AUDIENCE_OPTIONS, board.settings.reportAudience),
      partyField,
      timeZoneField("Time zone", "timezone", board.timeZone),
    ),
    h(
      "div",
      { class: "field-row" },
      selectField(
        "Status",
        "pmStatus",
        [
          { value: "", label: "As computed (milestones, updates)" },
          ...PROJECT_STATUSES.map((status) => ({ value: status, label: PROJECT_STATUS_LABELS[status] })),
        ],
        "",
      ),
      noteField,
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Generate report")),
  ) as HTMLFormElement;
  replaceChildren(
    root,
    h("h1", {}, "Monthly report"),
    h(
      "p",
      { class: "muted" },
      "Built by the Stakeholder Loop service from the board's synced history and kept as sent: regenerating makes a new version.",
    ),
    form,
    message,
    h("h2", { class: "report-history-title" }, "Versions of this month"),
    versions,
    result,
  );

  let snapshots: ReportSnapshotMeta[] = [];
  let shown: ReportSnapshotMeta | undefined;
  const chosen = () => ({
    month: textValue(form, "month"),
    audience: textValue(form, "audience"),
    party: optionalValue(form, "party"),
  });
  showAudience(textValue(form, "audience"));

  function showVersions(): void {
    const { month, audience, party } = chosen();
    const forParty = (s: ReportSnapshotMeta) =>
      !isPartyAudience(audience as Audience) || (s.party ?? "") === (party ?? "");
    const forMonth = snapshots
      .filter((s) => s.month === month && s.audience === audience && forParty(s))
      .sort((a, b) => b.version - a.version);
    replaceChildren(
      versions,
      versionList(forMonth, shown?.id, memberNames, (meta) => void show(meta)),
    );
  }

  async function loadVersions(): Promise<void> {
    const answer = await callService<{ snapshots: ReportSnapshotMeta[] }>(t, `/api/boards/${boardId}/reports`, {
      state: "report",
    });
    snapshots = answer.ok ? answer.body.snapshots : [];
    showVersions();
  }

  async function show(meta: ReportSnapshotMeta): Promise<void> {
    replaceChildren(result, h("p", { class: "muted" }, "Loading the report…"));
    const file = await fetchReportFile(t, boardId, meta.id, "html");
    if (!file.ok) {
      replaceChildren(result);
      return showMessage(message, file.message, "error");
    }
    // The form may have moved on while the file loaded: a report for other choices is not shown.
    const { month, audience } = chosen();
    if (meta.month !== month || meta.audience !== audience) return replaceChildren(result);
    shown = meta;
    const actions = {
      download: (format: DownloadFormat) => void download(meta, format),
      postToBoard: () => void post(meta),
    };
    // Only a client or partner copy can leave Trello: the internal one has our own assessments in it.
    const links = isPartyAudience(meta.audience) ? shareLinksPanel(t, meta) : undefined;
    const share =
      links &&
      h(
        "div",
        {},
        sendReportPanel(t, meta, () => void links.reload()),
        links.element,
      );
    replaceChildren(result, snapshotViewer(meta, await file.blob.text(), memberNames, actions, share));
    showVersions();
  }

  async function download(meta: ReportSnapshotMeta, format: DownloadFormat): Promise<void> {
    showMessage(message, "Preparing the download…", "info");
    const file = await fetchReportFile(t, boardId, meta.id, format);
    if (!file.ok) return showMessage(message, file.message, "error");
    saveBlob(file.blob, file.filename);
    showMessage(message, `Saved ${file.filename}.`, "ok");
  }

  async function post(meta: ReportSnapshotMeta): Promise<void> {
    showMessage(message, "Posting the report to the board…", "info");
    const file = await fetchReportFile(t, boardId, meta.id, "md");
    if (!file.ok) return showMessage(message, file.message, "error");
    const posted = await postReportToBoard(t, board, await file.blob.text());
    if (!posted.ok && posted.code === NOT_AUTHORIZED)
      return offerAuthorizeInPlace(t, message, posted.message, () => post(meta));
    if (!posted.ok) return showMessage(message, posted.message, "error");
    const where = posted.created.list
      ? 'a new "Reports" card in the new "Reports" list'
      : `the ${posted.created.card ? "new " : ""}"Reports" card`;
    showMessage(message, `Posted version ${meta.version} as a comment on ${where}.`, "ok");
  }

  async function generate(): Promise<void> {
    clearFieldErrors(form);
    message.className = "message";
    message.textContent = "";
    const { month, audience, party } = chosen();
    const timezone = textValue(form, "timezone").trim();
    const errors: Record<string, string> = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.month = "Choose a month";
    if (!isKnownTimeZone(timezone)) errors.timezone = "Choose a time zone such as Europe/Berlin";
    if (Object.keys(errors).length) return showFieldErrors(form, errors, message);
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    replaceChildren(result, h("p", { class: "muted" }, "Generating the report…"));
    // The PM's status replaces the computed one (which the report still shows beside it); the note stays internal:
    // one typed before switching to a client's copy is not sent (the service would refuse it).
    const forParty = isPartyAudience(audience as Audience);
    const body = {
      month,
      audience,
      ...(forParty && party ? { party } : {}),
      timezone,
      pmStatus: optionalValue(form, "pmStatus"),
      ...(forParty ? {} : { pmNote: optionalValue(form, "pmNote") }),
    };
    const answer = await callService<ReportSnapshotMeta>(t, `/api/boards/${boardId}/reports`, {
      method: "POST",
      state: "report",
      body,
    });
    button.disabled = false;
    if (!answer.ok) {
      replaceChildren(result);
      return showMessage(message, answer.message, "error");
    }
    snapshots = [answer.body, ...snapshots];
    await show(answer.body);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void generate();
  });
  // The preview always matches the form: a report shown for other choices goes, with its downloads and "Post".
  const clearStale = () => {
    if (shown) {
      shown = undefined;
      replaceChildren(result);
    }
    showVersions();
  };
  form.addEventListener("change", (event) => {
    if ((event.target as HTMLInputElement).name === "audience") showAudience(textValue(form, "audience"));
    clearStale();
  });
  form.addEventListener("input", (event) => {
    if ((event.target as HTMLInputElement).name === "month") clearStale();
  });
  await loadVersions();
}
