import { AUDIENCE_OPTIONS } from "./audience-options";
import { isDoneListName } from "../../shared/is-done-list-name";
import { isNonWorkListName } from "../../shared/is-non-work-list-name";
import { defaultBoardSettings, type BoardSettings } from "../../shared/loop/board-settings";
import { loadBoardRecords, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { onSubmit, showFieldErrors, showMessage } from "../lib/form-kit";
import { saveRecord } from "../lib/loop-data";
import { readErrorBox } from "../lib/read-error-box";
import { withFormerChoices } from "../lib/with-former-choices";
import { checkedValues, optionalValue, textValue } from "../lib/form-values";
import { checkboxGroup, inputField, numberValue, selectField } from "./board-fields";
import { offerAuthorizeInPlace } from "../lib/authorize-in-place";
import { NOT_AUTHORIZED } from "../lib/trello-write";
import { TEMPLATE_LISTS } from "../../shared/board-template";
import { setUpBoard } from "./set-up-board";
import { timeZoneField } from "./time-zone-field";
import { boardTimeZone } from "../../shared/time-zone";

function nameRuleNote(board: BoardRecords): string {
  const picked = board.lists.filter((list) => isDoneListName(list.name)).map((list) => list.name);
  const which = picked.length
    ? `it picks ${picked.map((name) => `"${name}"`).join(", ")}`
    : "no list on this board matches yet";
  return `Tick none to find done lists by name ("Done", or starting with Done, Complete, Finished or Shipped): ${which}.`;
}

function workRuleNote(board: BoardRecords): string {
  const left = board.lists.filter((list) => isNonWorkListName(list.name)).map((list) => `"${list.name}"`);
  const which = left.length ? `, here ${left.join(", ")}` : "";
  return `Work in progress and the cumulative flow count these lists (done lists always join the flow). Tick none to count every list but backlog-like lists and the Reports list${which}, and lists that hold mostly stakeholder and sprint cards.`;
}

function settingsForm(t: Trello.PowerUp.IFrame, board: BoardRecords, settings: BoardSettings): HTMLFormElement {
  const members = withFormerChoices(
    [{ value: "", label: "Nobody yet" }, ...board.members.map((m) => ({ value: m.id, label: m.fullName }))],
    [settings.technicalLead, settings.operationalLead],
    () => "A member no longer on the board",
  );
  const message = h("div", { class: "message", "aria-live": "polite" });
  const doneLists = checkboxGroup(
    "Done lists",
    "doneLists",
    board.lists.map((list) => ({ value: list.id, label: list.name })),
    settings.doneLists,
    "The board has no lists.",
  );
  doneLists.insertBefore(h("p", { class: "muted" }, nameRuleNote(board)), doneLists.querySelector(".field-error"));
  const workLists = checkboxGroup(
    "Work lists",
    "workLists",
    board.lists.map((list) => ({ value: list.id, label: list.name })),
    settings.workLists ?? [],
    "The board has no lists.",
  );
  workLists.insertBefore(h("p", { class: "muted" }, workRuleNote(board)), workLists.querySelector(".field-error"));
  const onMonthClose = h("input", {
    type: "checkbox",
    name: "reportOnMonthClose",
    checked: settings.reportOnMonthClose,
  });
  const form = h(
    "form",
    { class: "loop-form settings-form", novalidate: true },
    timeZoneField("Time zone", "timezone", boardTimeZone(settings)),
    doneLists,
    workLists,
    inputField("Sprint length (days)", "sprintDays", "number", settings.sprintDays, { min: 7, max: 28, step: 1 }),
    h(
      "div",
      { class: "field-row" },
      selectField("Technical lead", "technicalLead", members, settings.technicalLead),
      selectField("Operational lead", "operationalLead", members, settings.operationalLead),
    ),
    selectField("Report audience", "reportAudience", AUDIENCE_OPTIONS, settings.reportAudience),
    h(
      "div",
      { class: "field" },
      h("label", { class: "check" }, onMonthClose, "Produce the report when the month closes"),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Save settings")),
    message,
  ) as HTMLFormElement;

  onSubmit(form, message, submit);

  async function submit(): Promise<void> {
    const work = checkedValues(form, "workLists");
    const value = {
      v: 1,
      timezone: optionalValue(form, "timezone"),
      doneLists: checkedValues(form, "doneLists"),
      ...(work.length ? { workLists: work } : {}),
      sprintDays: numberValue(form, "sprintDays"),
      technicalLead: optionalValue(form, "technicalLead"),
      operationalLead: optionalValue(form, "operationalLead"),
      reportAudience: textValue(form, "reportAudience"),
      reportOnMonthClose: (form.elements.namedItem("reportOnMonthClose") as HTMLInputElement).checked,
    };
    const saved = await saveRecord(t, "board", "settings", value);
    if (saved.ok) {
      showMessage(message, "Saved.", "ok");
      await t.closePopup();
      return;
    }
    if (saved.formError) showMessage(message, saved.formError, "error");
    showFieldErrors(form, saved.fieldErrors, message);
  }
  return form;
}

/** "Set up this board": the workflow's lists, labels and settings in one click; the settings below show the result. */
function setUpSection(t: Trello.PowerUp.IFrame, onDone: () => void): HTMLElement {
  const message = h("div", { class: "message", "aria-live": "polite" });
  const run = async (): Promise<void> => {
    showMessage(message, "Setting up the board…", "info");
    const done = await setUpBoard(t);
    if (!done.ok && done.code === NOT_AUTHORIZED) return offerAuthorizeInPlace(t, message, done.message, run);
    if (!done.ok) return showMessage(message, done.message, "error");
    const made = [
      done.lists.length ? `the lists ${done.lists.join(", ")}` : "",
      done.labels.length ? `the labels ${done.labels.join(", ")}` : "",
    ].filter(Boolean);
    onDone();
    const what = made.length
      ? `Set up: created ${made.join(" and ")}.`
      : "This board is set up already: nothing to create.";
    showMessage(
      message,
      `${what} The done lists, work lists and time zone are saved; open the settings again to review them.`,
      "ok",
    );
  };
  return h(
    "section",
    { class: "set-up-board", "aria-label": "Set up this board" },
    h(
      "p",
      { class: "muted" },
      `Creates what the workflow uses and the board lacks: the lists ${TEMPLATE_LISTS.join(", ")}, their labels, and the done and work lists below.`,
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "btn", onclick: () => void run() }, "Set up this board"),
    ),
    message,
  );
}

/** The board's Loop settings popup (show-settings); a setting that cannot be read can be started over. */
export async function renderSettingsPage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const board = await loadBoardRecords(t);
  const heading = h("h1", {}, "Stakeholder Loop settings");
  // The form below was drawn from the board before setup (new lists missing): saving it would undo setup's choices.
  const setUp = setUpSection(t, () => root.querySelector("form.settings-form")?.remove());
  if (board.settingsRead.status === "invalid") {
    replaceChildren(
      root,
      heading,
      readErrorBox(board.settingsRead.message, {
        label: "Start over with the default settings",
        onClick: () => replaceChildren(root, heading, settingsForm(t, board, defaultBoardSettings())),
      }),
    );
    return;
  }
  replaceChildren(root, heading, setUp, settingsForm(t, board, board.settings));
}
