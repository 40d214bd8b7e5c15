import type { ActionSummary } from "../store/actions-store";
import { isCardCreationType } from "../trello/action-types";
import { copyCardState, copyListStates, type BoardState, type CardState } from "./board-state";

const LIST_TYPES: ReadonlySet<string> = new Set(["createList", "updateList", "moveListToBoard", "moveListFromBoard"]);

function cardOf(state: BoardState, cardId: string, dateMs: number): CardState {
  let card = state.cards.get(cardId);
  if (!card) {
    // A card first seen without its creation is on the board all the same; its list is unknown until it moves.
    card = {
      listId: null,
      enteredListMs: null,
      closed: false,
      gone: false,
      name: null,
      due: null,
      bornMs: dateMs,
      bornByCreation: false,
      members: [],
      labels: [],
    };
    state.cards.set(cardId, card);
  }
  return card;
}

function enter(card: CardState, listId: string | null, dateMs: number): void {
  if (listId === null || listId === card.listId) return;
  card.listId = listId;
  card.enteredListMs = dateMs;
}

/** A new array with `value` added or removed: the old one may be shared with a copy of the state. */
function toggle(values: readonly string[], value: string | null | undefined, present: boolean): readonly string[] {
  if (!value) return values;
  const without = values.filter((v) => v !== value);
  return present ? [...without, value] : without;
}

function applyToLists(state: BoardState, action: ActionSummary): void {
  if (action.listId && LIST_TYPES.has(action.type)) {
    const list = state.lists.get(action.listId) ?? { name: null, closed: false };
    if (action.listName != null) list.name = action.listName;
    if (action.type === "createList" || action.type === "moveListToBoard") list.closed = false;
    if (action.listClosed != null) list.closed = action.listClosed;
    if (action.type === "moveListFromBoard") list.closed = true;
    state.lists.set(action.listId, list);
  }
  if (action.listAfterId !== null) {
    const list = state.lists.get(action.listAfterId);
    if (!list) state.lists.set(action.listAfterId, { name: action.listAfterName, closed: false });
    else if (action.listAfterName !== null) list.name = action.listAfterName;
  }
}

/** Applies one action (dated at or after the state's instant) to the state, in place. */
export function applyAction(state: BoardState, action: ActionSummary): void {
  applyToLists(state, action);
  if (action.cardId === null) return;
  const card = cardOf(state, action.cardId, action.dateMs);
  if (isCardCreationType(action.type)) {
    if (!card.bornByCreation) {
      card.bornMs = action.dateMs;
      card.bornByCreation = true;
    }
    card.closed = false;
    card.gone = false;
    enter(card, action.listAfterId, action.dateMs);
  } else if (action.type === "deleteCard" || action.type === "moveCardFromBoard") {
    card.gone = true;
  } else {
    enter(card, action.listAfterId, action.dateMs);
    if (action.cardClosed != null) card.closed = action.cardClosed;
  }
  if (action.cardName != null) card.name = action.cardName;
  if (action.dueChanged) card.due = action.due ?? null;
  if (action.type === "addMemberToCard" || action.type === "removeMemberFromCard") {
    card.members = toggle(card.members, action.memberId, action.type === "addMemberToCard");
  }
  if (action.type === "addLabelToCard" || action.type === "removeLabelFromCard") {
    card.labels = toggle(card.labels, action.labelId, action.type === "addLabelToCard");
  }
}

/** Applies actions (oldest first, none dated before the state's instant) and moves the state to `toMs`. */
export function replayActions(state: BoardState, actions: readonly ActionSummary[], toMs: number): BoardState {
  for (const action of actions) {
    if (action.dateMs >= toMs) break;
    applyAction(state, action);
  }
  state.atMs = toMs;
  return state;
}

/**
 * The state at `toMs` as a new state: `start` with the actions (oldest first, none before its instant) applied. The
 * start is left alone, and the cards no action touches are shared with it rather than copied: a month touches a
 * fraction of a long-lived board's cards.
 */
export function replayFrom(start: BoardState, actions: readonly ActionSummary[], toMs: number): BoardState {
  const state: BoardState = { atMs: start.atMs, cards: new Map(start.cards), lists: copyListStates(start.lists) };
  const copied = new Set<string>();
  for (const action of actions) {
    if (action.dateMs >= toMs) break;
    if (action.cardId !== null && !copied.has(action.cardId)) {
      copied.add(action.cardId);
      const shared = start.cards.get(action.cardId);
      if (shared) state.cards.set(action.cardId, copyCardState(shared));
    }
    applyAction(state, action);
  }
  state.atMs = toMs;
  return state;
}
