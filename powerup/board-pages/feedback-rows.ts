import { SENTIMENTS, type SprintReview } from "../../shared/loop/sprint-review";
import { h } from "../lib/dom";
import { labelled, selectControl, type Option } from "./board-fields";

type Feedback = SprintReview["feedback"][number];

/** The review allows this many feedback rows (the schema's limit). */
const MAX_ROWS = 8;

const SENTIMENT_OPTIONS: Option[] = SENTIMENTS.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));

/**
 * Feedback per stakeholder as rows the user adds and removes. Inputs are named by the schema's path
 * (`feedback.0.sentiment`), renumbered on every change, so a field error lands under its own row.
 */
export function feedbackRows(
  stakeholders: Option[],
  initial: readonly Feedback[],
): { element: HTMLElement; read: () => unknown[] } {
  const rows = h("div", { class: "feedback-rows" });
  const addButton = h("button", { type: "button", class: "btn" }, "Add feedback") as HTMLButtonElement;
  const renumber = () => {
    [...rows.children].forEach((row, i) => {
      row.querySelector("legend")!.textContent = `Feedback ${i + 1}`;
      for (const control of row.querySelectorAll<HTMLElement>("[data-part]"))
        control.setAttribute("name", `feedback.${i}.${control.dataset.part!}`);
      for (const slot of row.querySelectorAll<HTMLElement>("[data-error-part]"))
        slot.dataset.errorFor = `feedback.${i}.${slot.dataset.errorPart!}`;
    });
    addButton.disabled = rows.children.length >= MAX_ROWS;
  };
  const addRow = (feedback?: Feedback) => {
    const by = selectControl("by", [{ value: "", label: "Choose a stakeholder" }, ...stakeholders], feedback?.by ?? "");
    const sentiment = selectControl("sentiment", SENTIMENT_OPTIONS, feedback?.sentiment ?? "neutral");
    const note = h("input", {
      type: "text",
      name: "note",
      maxlength: 200,
      value: feedback?.note ?? "",
    }) as HTMLInputElement;
    for (const [control, part] of [
      [by, "by"],
      [sentiment, "sentiment"],
      [note, "note"],
    ] as const)
      control.dataset.part = part;
    const row = h(
      "fieldset",
      { class: "field feedback-row" },
      h("legend", {}),
      h("div", { class: "field-row" }, labelled("Stakeholder", by), labelled("Sentiment", sentiment)),
      labelled("Note", note),
      ...["by", "sentiment", "note"].map((part) =>
        h("p", { class: "field-error", "data-error-part": part, role: "alert" }),
      ),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { type: "button", class: "btn btn-link", onclick: () => (row.remove(), renumber()) },
          "Remove this feedback",
        ),
      ),
    );
    rows.append(row);
    renumber();
  };
  addButton.addEventListener("click", () => addRow());
  initial.forEach((feedback) => addRow(feedback));
  renumber();
  const element = h(
    "fieldset",
    { class: "field" },
    h("legend", {}, "Feedback per stakeholder"),
    rows,
    h("p", { class: "field-error", "data-error-for": "feedback", role: "alert" }),
    h("div", { class: "actions" }, addButton),
  );
  const read = () =>
    [...rows.children].map((row) => {
      const value = (part: string) =>
        row.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-part="${part}"]`)!.value;
      const note = value("note").trim();
      return { by: value("by"), sentiment: value("sentiment"), note: note === "" ? undefined : note };
    });
  return { element, read };
}
