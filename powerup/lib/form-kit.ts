import { h, replaceChildren } from "./dom";

function errorSlot(form: HTMLFormElement, path: string): HTMLElement | null {
  const existing = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`);
  if (existing) return existing;
  const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  if (!input) return null;
  const slot = h("p", { class: "field-error", "data-error-for": path, role: "alert" });
  (input.closest(".field") ?? input).after(slot);
  return slot;
}

/**
 * Shows each message under the input named by its path (or in `[data-error-for]`); messages without a place go to
 * the form's general message. The inputs keep what the user typed.
 */
export function showFieldErrors(form: HTMLFormElement, errors: Record<string, string>, general?: HTMLElement): void {
  clearFieldErrors(form);
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const slot = errorSlot(form, path);
    if (!slot) {
      unplaced.push(path ? `${path}: ${message}` : message);
      continue;
    }
    slot.textContent = message;
    form.querySelector(`[name="${CSS.escape(path)}"]`)?.setAttribute("aria-invalid", "true");
  }
  if (unplaced.length && general) showMessage(general, unplaced.join(" "), "error");
  const first = form.querySelector<HTMLElement>("[aria-invalid=true]");
  first?.focus();
}

/** Clears every inline error. */
export function clearFieldErrors(form: HTMLFormElement): void {
  for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = "";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

/** Shows a message (error, success or information) in a container, announced to screen readers. */
export function showMessage(el: HTMLElement, text: string, kind: "error" | "ok" | "info"): void {
  el.className = `message message-${kind}`;
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  replaceChildren(el, text);
}

/**
 * Runs `submit` on each submission of the form, with the last attempt's inline errors and message cleared first; a
 * failure nobody expected (Trello's client refusing, the network) is shown in the message, not swallowed.
 */
export function onSubmit(form: HTMLFormElement, message: HTMLElement, submit: () => Promise<void>): void {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    message.className = "message";
    message.textContent = "";
    submit().catch((err: unknown) =>
      showMessage(message, `Not saved: ${err instanceof Error ? err.message : String(err)}`, "error"),
    );
  });
}
