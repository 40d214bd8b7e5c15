/** A card as it stood at an instant, derived from the board's actions. */
export interface CardState {
  /** The list the card was last put into; null until an action says. */
  listId: string | null;
  /** When the card entered that list (ms); null while its list is unknown. */
  enteredListMs: number | null;
  /** Archived on Trello. */
  closed: boolean;
  /** Deleted, or moved to another board. */
  gone: boolean;
  /** The name the newest action carried, if any did. */
  name: string | null;
  /** The due date (ISO), null when none. */
  due: string | null;
  /** When the card came into the board: its first creation action, else the first action that named it. */
  bornMs: number;
  /** Whether `bornMs` is a creation action (not just the first action seen). */
  bornByCreation: boolean;
  members: string[];
  labels: string[];
}

/** A list as it stood at an instant. */
export interface ListState {
  name: string | null;
  closed: boolean;
}

/** The board as it was at `atMs`: every action dated before it applied, none at or after it. */
export interface BoardState {
  atMs: number;
  cards: Map<string, CardState>;
  lists: Map<string, ListState>;
}

/** An instant before every action (a number SQLite compares as an integer). */
export const BEFORE_ANY_ACTION = Number.MIN_SAFE_INTEGER;

/** The board before any action. */
export function emptyBoardState(atMs = BEFORE_ANY_ACTION): BoardState {
  return { atMs, cards: new Map(), lists: new Map() };
}

/** A deep copy, so replaying onto it leaves the original alone. */
export function cloneBoardState(state: BoardState): BoardState {
  return {
    atMs: state.atMs,
    cards: new Map([...state.cards].map(([id, card]) => [id, { ...card, members: [...card.members], labels: [...card.labels] }])),
    lists: new Map([...state.lists].map(([id, list]) => [id, { ...list }])),
  };
}

/** On the board at the state's instant: neither archived, deleted nor moved away. */
export function isOpenCard(card: CardState): boolean {
  return !card.closed && !card.gone;
}

/** The state as JSON for a checkpoint row. */
export function serializeBoardState(state: BoardState): string {
  return JSON.stringify({ atMs: state.atMs, cards: [...state.cards], lists: [...state.lists] });
}

/** A checkpoint row's JSON back into a state. */
export function parseBoardState(json: string): BoardState {
  const parsed = JSON.parse(json) as { atMs: number; cards: [string, CardState][]; lists: [string, ListState][] };
  return { atMs: parsed.atMs, cards: new Map(parsed.cards), lists: new Map(parsed.lists) };
}
