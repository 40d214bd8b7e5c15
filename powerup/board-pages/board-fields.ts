import { h, uniqueId } from "../lib/dom";
import { textValue } from "../lib/form-values";

/** One choice in a select or a checkbox group. */
export interface Option {
  value: string;
  label: string;
}

/** Wraps a control in a `.field` with its label; the control's `name` is the record's path, so errors land under it. */
export function labelled(label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (!control.id) control.id = uniqueId(control.getAttribute("name") ?? "field");
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id }, label),
    control,
    hint ? h("p", { class: "muted" }, hint) : null,
  );
}

/** A labelled input (`type` text, number, date, month…). */
export function inputField(
  label: string,
  name: string,
  type: string,
  value: string | number | undefined,
  attrs: Record<string, string | number> = {},
): HTMLElement {
  return labelled(label, h("input", { type, name, value: value ?? "", ...attrs }));
}

/** A labelled multi-line text input. */
export function textAreaField(label: string, name: string, value: string | undefined, maxLength: number): HTMLElement {
  const area = h("textarea", { name, rows: 2, maxlength: maxLength }) as HTMLTextAreaElement;
  area.value = value ?? "";
  return labelled(label, area);
}

/** A select of options with `value` chosen (the first option when `value` is not among them). */
export function selectControl(name: string, options: Option[], value: string | undefined): HTMLSelectElement {
  const select = h(
    "select",
    { name },
    ...options.map((o) => h("option", { value: o.value }, o.label)),
  ) as HTMLSelectElement;
  select.value = options.some((o) => o.value === value) ? value! : (options[0]?.value ?? "");
  return select;
}

/** A labelled select. */
export function selectField(label: string, name: string, options: Option[], value: string | undefined): HTMLElement {
  return labelled(label, selectControl(name, options, value));
}

/** A fieldset of checkboxes sharing `name`, with its own inline error slot; `empty` is said when there is nothing to tick. */
export function checkboxGroup(
  legend: string,
  name: string,
  options: Option[],
  checked: readonly string[],
  empty: string,
): HTMLElement {
  const boxes = options.map((o) => {
    const id = uniqueId(name);
    return h(
      "div",
      { class: "check" },
      h("input", { type: "checkbox", id, name, value: o.value, checked: checked.includes(o.value) }),
      h("label", { for: id }, o.label),
    );
  });
  return h(
    "fieldset",
    { class: "field check-group", "data-group": name },
    h("legend", {}, legend),
    ...(boxes.length ? boxes : [h("p", { class: "muted" }, empty)]),
    h("p", { class: "field-error", "data-error-for": name, role: "alert" }),
  );
}

/** A number typed in a control, or the raw text when it is not one (so the schema names the problem). */
export function numberValue(form: HTMLFormElement, name: string): number | string {
  const text = textValue(form, name).trim();
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
}
