import type { CardLoopKey } from "../../shared/loop/loop-records";
import { h } from "../lib/dom";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import type { LoopRead } from "../../shared/loop/read-loop-record";
import { removeRecord, saveRecord } from "../lib/loop-data";
import { readErrorBox } from "../lib/read-error-box";

type Child = Node | string | null | undefined | false;

export interface RecordFormSpec {
  t: Trello.PowerUp.IFrame;
  key: CardLoopKey;
  /** The form's accessible name. */
  title: string;
  saveLabel: string;
  fields: Child[];
  /** The record to save, read from the form as typed (the schema decides what is wrong). */
  value(form: HTMLFormElement): unknown;
  /** Extra buttons beside Save (remove, mark done). */
  actions?: HTMLElement[];
  /** Errors on fields the form derives (path → the input that feeds it), e.g. baselineDue → due. */
  errorAliases?: Record<string, string>;
}

export interface RecordForm {
  form: HTMLFormElement;
  /** The form-wide message (refusals such as the 4,096-character limit, and errors without a field). */
  message: HTMLElement;
  /** Saves as the Save button does. */
  submit(): Promise<void>;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Each error under the input it belongs to. An empty date input gets "Pick a date": the browser shows its own
 * date format, so the schema's "YYYY-MM-DD" would only confuse.
 */
function placeErrors(
  form: HTMLFormElement,
  errors: Record<string, string>,
  aliases: Record<string, string>,
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const at = aliases[path] ?? path;
    const input = form.querySelector<HTMLInputElement>(`input[type=date][name="${CSS.escape(at)}"]`);
    placed[at] ??= input && input.value === "" ? "Pick a date" : message;
  }
  return placed;
}

/**
 * A popup form that saves one card record with saveRecord: on success it closes the popup; on failure it shows
 * each message under its field and keeps everything typed (the form is never rebuilt).
 */
export function recordForm(spec: RecordFormSpec): RecordForm {
  const message = h("div", { class: "form-message", "data-form-message": "", "aria-live": "polite" });
  const save = h("button", { type: "submit", class: "btn btn-primary" }, spec.saveLabel) as HTMLButtonElement;
  const form = h(
    "form",
    { class: "loop-form", "aria-label": spec.title, novalidate: true },
    ...spec.fields,
    message,
    h("div", { class: "actions" }, save, ...(spec.actions ?? [])),
  ) as HTMLFormElement;

  async function submit(): Promise<void> {
    clearFieldErrors(form);
    message.replaceChildren();
    message.className = "form-message";
    save.disabled = true;
    try {
      const result = await saveRecord(spec.t, "card", spec.key, spec.value(form));
      if (result.ok) {
        await spec.t.closePopup();
        return;
      }
      if (result.formError) showMessage(message, result.formError, "error");
      else showMessage(message, "Not saved yet: fix the fields marked in red.", "error");
      showFieldErrors(form, placeErrors(form, result.fieldErrors, spec.errorAliases ?? {}), message);
    } catch (err) {
      showMessage(message, `Not saved: ${describe(err)}. What you typed is still here; try again.`, "error");
    }
    save.disabled = false;
    await spec.t.sizeTo("#app");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  return { form, message, submit };
}

/** A button that removes the card's record and closes the popup. */
export function removeButton(
  t: Trello.PowerUp.IFrame,
  key: CardLoopKey,
  label: string,
  message: () => HTMLElement,
): HTMLElement {
  const button = h("button", { type: "button", class: "btn btn-danger" }, label) as HTMLButtonElement;
  button.addEventListener("click", () => {
    button.disabled = true;
    removeRecord(t, "card", key)
      .then(() => t.closePopup())
      .catch((err: unknown) => {
        button.disabled = false;
        showMessage(message(), `Not removed: ${describe(err)}.`, "error");
      });
  });
  return button;
}

/** Above a form whose saved record cannot be read: why, and that saving the (empty) form starts over. */
export function unreadableNotice(saved: LoopRead<CardLoopKey>): HTMLElement | null {
  return saved.status === "invalid"
    ? readErrorBox(`${saved.message} The form below starts empty: saving it replaces what could not be read.`)
    : null;
}
