import type { BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";

const NEW_CARD = "new:";

export type CardChoice = { kind: "new"; idList: string } | { kind: "existing"; idCard: string };

/** Reads the "Card" select's value. */
export function parseCardChoice(value: string): CardChoice {
  return value.startsWith(NEW_CARD)
    ? { kind: "new", idList: value.slice(NEW_CARD.length) }
    : { kind: "existing", idCard: value };
}

/** The list a new stakeholder card goes to by default: one named for stakeholders, else the first. */
function defaultList(board: BoardRecords): string | undefined {
  return (board.lists.find((l) => /stakeholder|client|partner/i.test(l.name)) ?? board.lists[0])?.id;
}

/** The "Card" select of a new stakeholder: a new card in a list (the default) or a card with no stakeholder yet. */
export function cardChoiceField(board: BoardRecords): HTMLElement {
  const free = board.cards.filter((c) => !board.records.get(c.id)?.stakeholder);
  const listDefault = defaultList(board);
  return h(
    "div",
    { class: "field" },
    h("label", { for: "stakeholder-card" }, "Card"),
    h(
      "select",
      { id: "stakeholder-card", name: "card" },
      h(
        "optgroup",
        { label: "Create a card named after the stakeholder" },
        ...board.lists.map((l) =>
          h("option", { value: `${NEW_CARD}${l.id}`, selected: l.id === listDefault }, `New card in list ${l.name}`),
        ),
      ),
      free.length
        ? h(
            "optgroup",
            { label: "Use a card that has no stakeholder yet" },
            ...free.map((c) => h("option", { value: c.id }, c.name)),
          )
        : null,
    ),
  );
}
