import { callList, renderBadges, renderButton } from "./capability-views";
import { el } from "./dom";
import { frameSrc, powerUpFrame } from "./frame-layer";
import type { BoardModel, ConnectorHandle, FrameContext } from "./host-bridge";

/** The card-detail badges the connector returns for the card in `context`. */
export async function renderDetailBadges(connector: ConnectorHandle, context: FrameContext): Promise<HTMLElement> {
  const badges = await renderBadges(await callList(connector, "card-detail-badges", context), "card-detail-badge");
  return el("div", { class: "card-detail-badges" }, ...badges);
}

/** The back of a card: detail badges, the Power-Up's card buttons and its card-back section iframe. */
export async function renderCardPanel(
  model: BoardModel,
  connector: ConnectorHandle | undefined,
  context: FrameContext,
  onClose: () => void,
): Promise<HTMLElement> {
  const card = model.cards.find((candidate) => candidate.id === context.card);
  const closeButton = el("button", { type: "button", class: "frame-close", "aria-label": "Close card" }, "×");
  closeButton.addEventListener("click", onClose);
  const panel = el(
    "aside",
    { class: "card-panel", "data-card-panel": String(context.card) },
    el("header", {}, el("h2", {}, String(card?.name ?? context.card)), closeButton),
    el("p", { class: "card-desc" }, String(card?.desc ?? "")),
  );
  if (!connector) return panel;

  const buttons = (await callList(connector, "card-buttons", context)).map((button) =>
    renderButton(connector, button, context, "card-button"),
  );
  panel.append(await renderDetailBadges(connector, context), el("div", { class: "card-buttons" }, ...buttons));

  const section = (await connector.call("card-back-section", context)) as
    { title?: string; content?: { type?: string; url?: string; height?: number } } | undefined;
  if (section?.content?.url) {
    const src = frameSrc(
      { url: new URL(section.content.url, new URL("/powerup/connector.html", location.href)).href },
      context,
    );
    panel.append(
      el(
        "section",
        { class: "card-back-section" },
        el("h3", {}, section.title ?? ""),
        powerUpFrame("card-back-section", src, section.content.height ?? 120),
      ),
    );
  }
  return panel;
}
