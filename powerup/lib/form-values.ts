/** Reading a form's inputs into the shapes the schemas expect: empty inputs become absent, not "". */

function control(
  form: HTMLFormElement,
  name: string,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return form.querySelector(`[name="${CSS.escape(name)}"]`);
}

/** The input's text as typed (the schema trims and checks it). */
export function textValue(form: HTMLFormElement, name: string): string {
  return control(form, name)?.value ?? "";
}

/** The input's text, or undefined when it is blank. */
export function optionalValue(form: HTMLFormElement, name: string): string | undefined {
  const value = textValue(form, name).trim();
  return value === "" ? undefined : value;
}

/**
 * A number input's value; undefined when blank, NaN when the browser could not read it as a number (so the
 * schema says "must be a number" instead of the value silently disappearing).
 */
export function numberValue(form: HTMLFormElement, name: string): number | undefined {
  const input = control(form, name) as HTMLInputElement | null;
  if (!input) return undefined;
  if (input.value.trim() === "") return input.validity.badInput ? Number.NaN : undefined;
  return Number(input.value);
}

/** The values of the checked boxes (or radio) named `name` in `root`, in page order. */
export function checkedValues(root: ParentNode, name: string): string[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)].map((i) => i.value);
}

/** Sets an input's value (used by buttons such as "Mark done today"). */
export function setValue(form: HTMLFormElement, name: string, value: string): void {
  const input = control(form, name);
  if (input) input.value = value;
}
