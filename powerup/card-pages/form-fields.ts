import { h, uniqueId } from "../lib/dom";

/** One choice in a select, radio group or checkbox group. */
export interface Choice {
  value: string;
  label: string;
}

function field(name: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (hint) control.setAttribute("aria-describedby", `${control.id}-hint`);
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id }, label),
    control,
    hint ? h("p", { class: "muted field-hint", id: `${control.id}-hint` }, hint) : null,
    // The error sits inside its field, so a field in a row keeps its message under it.
    h("p", { class: "field-error", "data-error-for": name, role: "alert" }),
  );
}

/** A labelled text input whose `name` is the record's field path (so inline errors land under it). */
export function textField(
  label: string,
  name: string,
  value = "",
  attrs: Record<string, string | number | boolean> = {},
): HTMLElement {
  return field(name, label, h("input", { type: "text", id: uniqueId(name), name, value, ...attrs }));
}

/** A labelled multi-line text input. */
export function textAreaField(label: string, name: string, value = "", maxLength?: number, hint?: string): HTMLElement {
  const area = h("textarea", { id: uniqueId(name), name, rows: 2, maxlength: maxLength }) as HTMLTextAreaElement;
  area.value = value;
  return field(name, label, area, hint);
}

/** A labelled `<input type="date">` (YYYY-MM-DD, a calendar day). */
export function dateField(label: string, name: string, value = ""): HTMLElement {
  return field(name, label, h("input", { type: "date", id: uniqueId(name), name, value }));
}

/** A labelled number input (amounts and days; never negative). */
export function numberField(label: string, name: string, value: number | undefined, step = "any"): HTMLElement {
  return field(
    name,
    label,
    h("input", { type: "number", id: uniqueId(name), name, min: 0, step, value: value ?? "", inputmode: "decimal" }),
  );
}

/** A labelled select; `value` is preselected when it is one of the choices. */
export function selectField(label: string, name: string, choices: Choice[], value = ""): HTMLElement {
  const select = h(
    "select",
    { id: uniqueId(name), name },
    ...choices.map((c) => h("option", { value: c.value, selected: c.value === value }, c.label)),
  ) as HTMLSelectElement;
  select.value = choices.some((c) => c.value === value) ? value : (choices[0]?.value ?? "");
  return field(name, label, select);
}

/** A fieldset of checkboxes (several picks) or radios (one pick), with its own inline error slot. */
export function choiceGroup(
  legend: string,
  name: string,
  choices: Choice[],
  picked: string[],
  kind: "checkbox" | "radio",
): HTMLElement {
  return h(
    "fieldset",
    { class: `field choice-group choice-${kind}` },
    h("legend", {}, legend),
    ...choices.map((c) => {
      const id = uniqueId(name);
      return h(
        "div",
        { class: "choice" },
        h("input", { type: kind, id, name, value: c.value, checked: picked.includes(c.value) }),
        h("label", { for: id }, c.label),
      );
    }),
    h("p", { class: "field-error", "data-error-for": name, role: "alert" }),
  );
}
