import { callList, renderBadges, renderButton } from "./capability-views";
import { el } from "./dom";
import type { BoardModel, ConnectorHandle, FrameContext } from "./host-bridge";

export interface BoardViewDeps {
  model: BoardModel;
  connector: ConnectorHandle | undefined;
  contextFor(card?: string): FrameContext;
  openCard(cardId: string): void;
}

async function cardTile(
  { connector, contextFor, openCard }: BoardViewDeps,
  card: Record<string, unknown>,
): Promise<HTMLElement> {
  const id = String(card.id);
  const badges = connector
    ? await renderBadges(await callList(connector, "card-badges", contextFor(id)), "card-badge")
    : [];
  const tile = el(
    "article",
    { class: "card-tile", "data-card-id": id, tabindex: "0" },
    el("div", { class: "card-name" }, String(card.name)),
    el("div", { class: "card-badges" }, ...badges),
  );
  tile.addEventListener("click", () => openCard(id));
  tile.addEventListener("keydown", (event) => event.key === "Enter" && openCard(id));
  return tile;
}

/** The board's lists and open cards, each card with the badges the connector returns for it. */
export async function renderLists(deps: BoardViewDeps): Promise<HTMLElement> {
  const columns = await Promise.all(
    deps.model.lists.map(async (list) => {
      const cards = deps.model.cards.filter((card) => card.idList === list.id && card.closed !== true);
      const tiles = await Promise.all(cards.map((card) => cardTile(deps, card)));
      return el(
        "section",
        { class: "list", "data-list-id": String(list.id) },
        el("h2", {}, String(list.name)),
        ...tiles,
      );
    }),
  );
  return el("main", { class: "lists" }, ...columns);
}

/** The board buttons the connector declares. */
export async function renderBoardButtons({ connector, contextFor }: BoardViewDeps): Promise<HTMLElement[]> {
  if (!connector) return [];
  const context = contextFor();
  return (await callList(connector, "board-buttons", context)).map((button) =>
    renderButton(connector, button, context, "board-button"),
  );
}
