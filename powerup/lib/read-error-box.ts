import { h } from "./dom";

/** The readable error shown where stored data fails its schema (older version, hand-edited), instead of a blank page. */
export function readErrorBox(message: string, repair?: { label: string; onClick: () => void }): HTMLElement {
  return h(
    "div",
    { class: "message message-error read-error", role: "alert" },
    h("strong", {}, "This data could not be read. "),
    message,
    repair
      ? h(
          "div",
          { class: "actions" },
          h("button", { type: "button", class: "btn", onclick: repair.onClick }, repair.label),
        )
      : null,
  );
}
