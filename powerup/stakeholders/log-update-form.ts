import { logEntrySchema, type CommunicationLog } from "../../shared/loop/communication-log";
import { fieldErrors } from "../../shared/loop/field-errors";
import { PLUGIN_DATA_LIMIT, pluginDataSize } from "../../shared/loop/loop-records";
import { CHANNELS, type Stakeholder } from "../../shared/loop/stakeholder";
import { h } from "../lib/dom";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import { readRecord, readScope, saveRecord } from "../lib/loop-data";
import { inputField, sameText, selectField, textAreaField } from "./form-fields";
import { localDateTimeValue } from "./local-date-time-value";
import { newLogEntryId, withEntry } from "./log-entry";

/**
 * The form that logs an update on the popup's stakeholder card. The log is read again when saving, so an update a
 * colleague logged meanwhile is kept (an unreadable log is replaced: the service keeps every update it has seen).
 */
export function renderLogUpdateForm(t: Trello.PowerUp.IFrame, stakeholder: Stakeholder): HTMLFormElement {
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Log update") as HTMLButtonElement;
  const form = h(
    "form",
    { class: "loop-form log-form", novalidate: true, "aria-label": "Log an update" },
    inputField("at", "When", localDateTimeValue(new Date()), { type: "datetime-local" }),
    selectField("channel", "Channel", sameText(CHANNELS), stakeholder.channel),
    textAreaField("summary", "Summary", "", { maxlength: 200, rows: 3, placeholder: "What did they hear from us?" }),
    message,
    h("div", { class: "actions" }, submit),
  ) as HTMLFormElement;

  async function save(): Promise<void> {
    clearFieldErrors(form);
    const data = new FormData(form);
    const when = String(data.get("at") ?? "");
    // datetime-local has no zone: it is the member's local time, stored as an instant.
    const at = when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : "";
    const entry = {
      id: newLogEntryId(),
      at,
      channel: String(data.get("channel") ?? ""),
      summary: String(data.get("summary") ?? ""),
    };
    const checked = logEntrySchema.safeParse(entry);
    if (!checked.success) {
      showFieldErrors(form, fieldErrors(checked.error), message);
      return;
    }
    const [current, scope] = await Promise.all([readRecord(t, "card", "log"), readScope(t, "card")]);
    const fits = (candidate: CommunicationLog) => pluginDataSize({ ...scope, log: candidate }) <= PLUGIN_DATA_LIMIT;
    const saved = await saveRecord(
      t,
      "card",
      "log",
      withEntry(current.status === "ok" ? current.value : undefined, checked.data, fits),
    );
    if (!saved.ok) {
      const entryErrors = Object.fromEntries(
        Object.entries(saved.fieldErrors).map(([path, m]) => [path.replace(/^entries\.\d+\./, ""), m]),
      );
      showFieldErrors(form, entryErrors, message);
      if (saved.formError) showMessage(message, saved.formError, "error");
      return;
    }
    await t.closePopup();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit.disabled = true;
    save()
      .catch((err: unknown) =>
        showMessage(message, `Not saved: ${err instanceof Error ? err.message : String(err)}`, "error"),
      )
      .finally(() => {
        submit.disabled = false;
        void t.sizeTo("#app");
      });
  });
  return form;
}
