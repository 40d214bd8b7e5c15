import { el } from "./dom";
import { signFrameUrl } from "./frame-hash";
import type { FrameContext, FrameOptions } from "./host-bridge";

export type FrameKind = "popup" | "modal" | "board-bar";

const DEFAULT_HEIGHT: Record<FrameKind, number> = { popup: 200, modal: 480, "board-bar": 160 };

/** The iframe's src: its URL, with the context and args in the hash unless the page signed it already (t.signUrl). */
export function frameSrc(options: FrameOptions, context: FrameContext): string {
  return options.url.includes("#") ? options.url : signFrameUrl(options.url, { context, args: options.args ?? {} });
}

/** An iframe of a Power-Up page, named for tests and screenshots by its kind. */
export function powerUpFrame(kind: string, src: string, height: number): HTMLIFrameElement {
  const frame = el("iframe", { class: "loop-frame", "data-frame": kind, src });
  frame.style.height = `${height}px`;
  return frame;
}

/** Popups, modals and the board bar: one of each at a time, as in Trello, each an iframe under a title bar. */
export function createFrameLayer(onClose: (kind: FrameKind) => void) {
  const open = new Map<FrameKind, HTMLElement>();

  function close(kind: FrameKind): void {
    const shell = open.get(kind);
    if (!shell) return;
    shell.remove();
    open.delete(kind);
    onClose(kind);
  }

  function show(kind: FrameKind, options: FrameOptions, context: FrameContext): void {
    close(kind);
    const closeButton = el("button", { class: "frame-close", type: "button", "aria-label": `Close ${kind}` }, "×");
    closeButton.addEventListener("click", () => close(kind));
    const frame = powerUpFrame(kind, frameSrc(options, context), options.height ?? DEFAULT_HEIGHT[kind]);
    const shell = el(
      "section",
      {
        class: `frame-shell ${kind}${options.fullscreen ? " fullscreen" : ""}`,
        "data-shell": kind,
        role: kind === "modal" ? "dialog" : "region",
      },
      el("header", {}, el("h2", {}, options.title ?? ""), closeButton),
      frame,
    );
    const container = kind === "modal" ? el("div", { class: "modal-backdrop" }, shell) : shell;
    if (kind === "modal") container.addEventListener("click", (event) => event.target === container && close(kind));
    document.body.append(container);
    open.set(kind, container);
  }

  return { show, close };
}
