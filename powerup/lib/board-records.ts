import { defaultBoardSettings, type BoardSettings } from "../../shared/loop/board-settings";
import { calendarDay } from "../../shared/loop/calendar-day";
import { defaultDocuments, type Documents } from "../../shared/loop/documents";
import { LOOP_RECORDS, type CardLoopKey, type LoopKey } from "../../shared/loop/loop-records";
import { readLoopRecord, type LoopRead } from "../../shared/loop/read-loop-record";
import type { Stakeholder } from "../../shared/loop/stakeholder";
import { readScope } from "./loop-data";
import { boardTimeZone } from "../../shared/time-zone";

export type CardRecords = { [K in CardLoopKey]?: LoopRead<K> };

export interface BoardCard {
  id: string;
  name: string;
  idList: string;
  due?: string | null;
}

export interface BoardRecords {
  board: { id: string; name: string };
  cards: BoardCard[];
  lists: { id: string; name: string }[];
  members: { id: string; fullName: string; username: string }[];
  /** Each card's Loop records that are present (valid or not), by card id. */
  records: Map<string, CardRecords>;
  settings: BoardSettings;
  settingsRead: LoopRead<"settings">;
  documents: Documents;
  documentsRead: LoopRead<"documents">;
  timeZone: string;
  /** Today in the board's time zone. */
  today: string;
}

const CARD_KEYS = (Object.keys(LOOP_RECORDS) as LoopKey[]).filter(
  (k) => LOOP_RECORDS[k].scope === "card",
) as CardLoopKey[];

/** Reads the board, its lists, open cards and every card's shared Loop data (pluginData, no service call). */
export async function loadBoardRecords(t: Trello.PowerUp.HostHandlers): Promise<BoardRecords> {
  const [board, cards, lists, boardData] = await Promise.all([
    t.board("id", "name", "members"),
    t.cards("id", "name", "idList", "due"),
    t.lists("id", "name"),
    readScope(t, "board"),
  ]);
  const records = new Map<string, CardRecords>();
  const cardData = await Promise.all(cards.map((card) => readScope(t, card.id)));
  cards.forEach((card, i) => {
    const data = cardData[i]!;
    const read: CardRecords = {};
    for (const key of CARD_KEYS) {
      if (data[key] !== undefined) (read as Record<string, unknown>)[key] = readLoopRecord(key, data[key]);
    }
    if (Object.keys(read).length) records.set(card.id, read);
  });
  const settingsRead = readLoopRecord("settings", boardData.settings);
  const documentsRead = readLoopRecord("documents", boardData.documents);
  const settings = settingsRead.status === "ok" ? settingsRead.value : defaultBoardSettings();
  const timeZone = boardTimeZone(settings);
  return {
    board: { id: board.id, name: board.name },
    cards: cards.map((c) => ({ id: c.id, name: c.name, idList: c.idList, due: c.due })),
    lists: lists.map((l) => ({ id: l.id, name: l.name })),
    members: (board.members ?? []).map((m) => ({
      id: m.id,
      fullName: m.fullName ?? m.username ?? m.id,
      username: m.username ?? "",
    })),
    records,
    settings,
    settingsRead,
    documents: documentsRead.status === "ok" ? documentsRead.value : defaultDocuments(),
    documentsRead,
    timeZone,
    today: calendarDay(new Date(), timeZone),
  };
}

/** The board's stakeholders whose records are valid, by name. */
export function stakeholdersOf(board: BoardRecords): { card: BoardCard; stakeholder: Stakeholder }[] {
  const found: { card: BoardCard; stakeholder: Stakeholder }[] = [];
  for (const card of board.cards) {
    const read = board.records.get(card.id)?.stakeholder;
    if (read?.status === "ok") found.push({ card, stakeholder: read.value });
  }
  return found.sort((a, b) => a.stakeholder.name.localeCompare(b.stakeholder.name));
}

/** A card's name by id ("(card removed)" when it is gone), for lists of ids in records. */
export function cardName(board: BoardRecords, id: string): string {
  return board.cards.find((c) => c.id === id)?.name ?? "(card removed)";
}
