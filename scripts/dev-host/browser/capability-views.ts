import { el } from "./dom";
import type { ConnectorHandle, FrameContext } from "./host-bridge";

type Json = Record<string, unknown>;
type Callback = (t: unknown, options: Json) => unknown;

/** Whatever a capability answered, as a list (Trello accepts one item or an array). */
export async function callList(connector: ConnectorHandle, capability: string, context: FrameContext): Promise<Json[]> {
  const answer = await connector.call(capability, context);
  if (answer === undefined || answer === null) return [];
  return (Array.isArray(answer) ? answer : [answer]) as Json[];
}

/** A badge, with its `dynamic` function resolved once (Trello re-runs it on `refresh`; the dev host re-renders instead). */
async function resolveBadge(badge: Json): Promise<Json> {
  return typeof badge.dynamic === "function"
    ? { ...badge, ...((await (badge.dynamic as () => Promise<Json>)()) ?? {}) }
    : badge;
}

function iconUrl(icon: unknown): string | undefined {
  if (typeof icon === "string") return icon;
  if (icon && typeof icon === "object") return String((icon as Json).light ?? (icon as Json).dark ?? "");
  return undefined;
}

/** Card-front or card-detail badges, colored the way Trello colors them. */
export async function renderBadges(badges: Json[], kind: "card-badge" | "card-detail-badge"): Promise<HTMLElement[]> {
  const resolved = await Promise.all(badges.map(resolveBadge));
  return resolved
    .filter((badge) => badge.text !== undefined && badge.text !== "")
    .map((badge) => {
      const icon = iconUrl(badge.icon);
      const title =
        kind === "card-detail-badge" && badge.title ? el("span", { class: "badge-title" }, String(badge.title)) : null;
      const node = el(
        "span",
        { class: `badge ${kind} color-${String(badge.color ?? "none")}`, "data-badge": String(badge.text) },
        title,
        icon ? el("img", { src: icon, alt: "" }) : null,
        String(badge.text),
      );
      return node;
    });
}

/** A board, card or badge button: its callback runs with a `t` for the context, its url opens in a tab. */
export function renderButton(
  connector: ConnectorHandle,
  button: Json,
  context: FrameContext,
  kind: string,
): HTMLButtonElement {
  const icon = iconUrl(button.icon);
  const node = el(
    "button",
    { type: "button", class: `host-button ${kind}` },
    icon ? el("img", { src: icon, alt: "" }) : null,
    String(button.text ?? button.title ?? ""),
  );
  node.addEventListener("click", (event) => {
    event.stopPropagation();
    if (typeof button.callback === "function") void (button.callback as Callback)(connector.t(context), { el: node });
    else if (typeof button.url === "string") window.open(button.url, button.target === "_self" ? "_self" : "_blank");
  });
  return node;
}
