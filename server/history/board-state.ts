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
  /** Replaced, never changed in place: copies of a state share them. */
  members: readonly string[];
  labels: readonly string[];
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

/**
 * A copy of a card a replay may change. A literal, not a spread: a board has thousands of cards, and spreads are slow
 * before the JIT has warmed up. The member and label arrays are shared: a replay replaces them, never changes them.
 */
export function copyCardState(c: CardState): CardState {
  return {
    listId: c.listId,
    enteredListMs: c.enteredListMs,
    closed: c.closed,
    gone: c.gone,
    name: c.name,
    due: c.due,
    bornMs: c.bornMs,
    bornByCreation: c.bornByCreation,
    members: c.members,
    labels: c.labels,
  };
}

/** The lists of a state, copied. */
export function copyListStates(lists: ReadonlyMap<string, ListState>): Map<string, ListState> {
  const copy = new Map<string, ListState>();
  for (const [id, l] of lists) copy.set(id, { name: l.name, closed: l.closed });
  return copy;
}

/** On the board at the state's instant: neither archived, deleted nor moved away. */
export function isOpenCard(card: CardState): boolean {
  return !card.closed && !card.gone;
}

/** A card in a checkpoint: a tuple, half the size of the object and quicker to parse (a board has thousands). */
type StoredCard = [
  string,
  string | null,
  number | null,
  number,
  string | null,
  string | null,
  number,
  readonly string[],
  readonly string[],
];
type StoredList = [string, string | null, number];

const CLOSED = 1;
const GONE = 2;
const BORN_BY_CREATION = 4;

/** The state as JSON for a checkpoint row. */
export function serializeBoardState(state: BoardState): string {
  const cards: StoredCard[] = [...state.cards].map(([id, c]) => [
    id,
    c.listId,
    c.enteredListMs,
    (c.closed ? CLOSED : 0) | (c.gone ? GONE : 0) | (c.bornByCreation ? BORN_BY_CREATION : 0),
    c.name,
    c.due,
    c.bornMs,
    c.members,
    c.labels,
  ]);
  const lists: StoredList[] = [...state.lists].map(([id, l]) => [id, l.name, l.closed ? 1 : 0]);
  return JSON.stringify({ atMs: state.atMs, cards, lists });
}

/** A checkpoint row's JSON back into a state. */
export function parseBoardState(json: string): BoardState {
  const parsed = JSON.parse(json) as { atMs: number; cards: StoredCard[]; lists: StoredList[] };
  const cards = new Map<string, CardState>();
  for (const [id, listId, enteredListMs, flags, name, due, bornMs, members, labels] of parsed.cards) {
    cards.set(id, {
      listId,
      enteredListMs,
      closed: (flags & CLOSED) !== 0,
      gone: (flags & GONE) !== 0,
      name,
      due,
      bornMs,
      bornByCreation: (flags & BORN_BY_CREATION) !== 0,
      members,
      labels,
    });
  }
  const lists = new Map<string, ListState>(
    parsed.lists.map(([id, name, closed]) => [id, { name, closed: closed === 1 }]),
  );
  return { atMs: parsed.atMs, cards, lists };
}
