import { h, uniqueId } from "../lib/dom";

/** Where form-kit puts the field's message: inside the field, so a grid of fields keeps its columns. */
function errorSlot(name: string): HTMLElement {
  return h("p", { class: "field-error", "data-error-for": name, role: "alert" });
}

type Extra = Record<string, string | number | boolean | undefined | EventListener>;

/** A labelled text-like input (text, number, date, datetime-local, url, search). */
export function inputField(name: string, label: string, value: string, extra: Extra = {}): HTMLElement {
  const id = uniqueId(name);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h("input", { id, name, type: "text", value, ...extra }),
    errorSlot(name),
  );
}

/** A labelled textarea. */
export function textAreaField(name: string, label: string, value: string, extra: Extra = {}): HTMLElement {
  const id = uniqueId(name);
  const area = h("textarea", { id, name, rows: 2, ...extra }) as HTMLTextAreaElement;
  area.value = value;
  return h("div", { class: "field" }, h("label", { for: id }, label), area, errorSlot(name));
}

/** A labelled select; `options` are [value, text] pairs. */
export function selectField(
  name: string,
  label: string,
  options: [string, string][],
  current: string,
  extra: Extra = {},
): HTMLElement {
  const id = uniqueId(name);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h(
      "select",
      { id, name, ...extra },
      ...options.map(([value, text]) => h("option", { value, selected: value === current }, text)),
    ),
    errorSlot(name),
  );
}

/** A checkbox with its label after it. */
export function checkboxField(name: string, label: string, checked: boolean, extra: Extra = {}): HTMLElement {
  const id = uniqueId(name);
  return h(
    "div",
    { class: "field field-check" },
    h("input", { id, name, type: "checkbox", checked, ...extra }),
    h("label", { for: id }, label),
  );
}

/** [value, value] pairs for a select whose options read as their values. */
export function sameText(values: readonly string[]): [string, string][] {
  return values.map((v) => [v, v]);
}
