import type { Store } from "../store/create-store";

export interface BoardLoopData {
  /** The board's shared Loop data (settings, documents). */
  board: Record<string, unknown>;
  /** Each card's shared Loop data, by card id. */
  cards: Map<string, Record<string, unknown>>;
}

function parseValue(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The Power-Up's shared pluginData for a board as last read from Trello (the Trello client keeps only our Power-Up's
 * records, so the store holds no other); private data is never read (it belongs to one member).
 */
export function boardLoopData(store: Store, boardId: string): BoardLoopData {
  const data: BoardLoopData = { board: {}, cards: new Map() };
  for (const record of store.pluginData.listBoard(boardId)) {
    if (record.access !== null && record.access !== "shared") continue;
    const value = parseValue(record.value);
    if (record.scope === "board") Object.assign(data.board, value);
    else if (record.scope === "card") data.cards.set(record.idModel, { ...data.cards.get(record.idModel), ...value });
  }
  return data;
}
