import { calendarDay } from "../../shared/loop/calendar-day";
import { stakeholderUpdateState } from "../../shared/loop/stakeholder-update-state";
import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { readRecord } from "../lib/loop-data";
import { readErrorBox } from "../lib/read-error-box";
import { iframeClient } from "../lib/trello-iframe";
import { channelCadence } from "../stakeholders/channel-cadence";
import { renderLogUpdateForm } from "../stakeholders/log-update-form";
import { renderRecentUpdates } from "../stakeholders/recent-updates";
import { updateStateText } from "../stakeholders/update-state-text";
import { boardTimeZone } from "../../shared/time-zone";

/** The "Log update" popup of a stakeholder card: record an update sent to the stakeholder. */
const t = iframeClient();
const app = document.getElementById("app")!;

async function draw(): Promise<void> {
  const [stakeholderRead, logRead, settingsRead] = await Promise.all([
    readRecord(t, "card", "stakeholder"),
    readRecord(t, "card", "log"),
    readRecord(t, "board", "settings"),
  ]);
  const timeZone = boardTimeZone(settingsRead.status === "ok" ? settingsRead.value : undefined);
  if (stakeholderRead.status === "absent") {
    replaceChildren(
      app,
      h(
        "p",
        { class: "message message-info" },
        "This card is not a stakeholder yet. Add it from the board's Stakeholders button, then log updates here.",
      ),
    );
    return;
  }
  if (stakeholderRead.status === "invalid") {
    replaceChildren(
      app,
      readErrorBox(`${stakeholderRead.message} Repair it from the board's Stakeholders button (Edit).`),
    );
    return;
  }
  const stakeholder = stakeholderRead.value;
  const log = logRead.status === "ok" ? logRead.value : undefined;
  const state = updateStateText(
    stakeholderUpdateState(stakeholder, log, calendarDay(new Date(), timeZone), timeZone),
    stakeholder.status === "released",
  );
  replaceChildren(
    app,
    h(
      "header",
      { class: "log-header" },
      h("h1", {}, stakeholder.name),
      h("p", { class: "muted" }, channelCadence(stakeholder)),
      h("span", { class: `badge badge-${state.tone} update-state` }, state.text),
    ),
    logRead.status === "invalid" ? readErrorBox(`${logRead.message} Logging an update starts a new log.`) : null,
    renderLogUpdateForm(t, stakeholder),
    renderRecentUpdates(log, timeZone),
  );
}

t.render(() => {
  // Redraw only before the user starts typing; the popup closes after its save anyway.
  if (app.querySelector<HTMLTextAreaElement>("textarea[name=summary]")?.value) return;
  draw()
    .catch((err: unknown) =>
      showMessage(app, `This card could not be read: ${err instanceof Error ? err.message : String(err)}`, "error"),
    )
    .finally(() => void t.sizeTo("#app"));
});
