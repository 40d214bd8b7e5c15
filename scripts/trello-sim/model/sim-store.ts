import { ActionLog } from "./action-log";
import type {
  SimAction,
  SimBoard,
  SimCard,
  SimChecklist,
  SimCustomField,
  SimCustomFieldItem,
  SimLabel,
  SimList,
  SimMember,
  SimPluginData,
  SimToken,
  SimWebhook,
} from "./sim-model";

/** A key that groups records by an owner (board, card) for fast listing. */
function addTo(index: Map<string, Set<string>>, owner: string, id: string): void {
  let ids = index.get(owner);
  if (!ids) {
    ids = new Set();
    index.set(owner, ids);
  }
  ids.add(id);
}

function pick<T>(ids: Set<string> | undefined, records: Map<string, T>): T[] {
  if (!ids) return [];
  const found: T[] = [];
  for (const id of ids) {
    const record = records.get(id);
    if (record) found.push(record);
  }
  return found;
}

/** All of the simulator's state, in memory, with the indexes the REST routes and seeds need. */
export class SimStore {
  readonly members = new Map<string, SimMember>();
  readonly tokens = new Map<string, SimToken>();
  readonly boards = new Map<string, SimBoard>();
  readonly lists = new Map<string, SimList>();
  readonly cards = new Map<string, SimCard>();
  readonly labels = new Map<string, SimLabel>();
  readonly checklists = new Map<string, SimChecklist>();
  readonly customFields = new Map<string, SimCustomField>();
  readonly customFieldItems = new Map<string, SimCustomFieldItem>();
  readonly pluginData = new Map<string, SimPluginData>();
  readonly webhooks = new Map<string, SimWebhook>();
  readonly actions = new ActionLog();

  private readonly shortLinks = new Map<string, string>();
  private readonly listsByBoard = new Map<string, Set<string>>();
  private readonly cardsByBoard = new Map<string, Set<string>>();
  private readonly labelsByBoard = new Map<string, Set<string>>();
  private readonly fieldsByBoard = new Map<string, Set<string>>();
  private readonly itemsByCard = new Map<string, Set<string>>();
  private readonly pluginDataByModel = new Map<string, Set<string>>();
  /** The highest card position per list, so "bottom" needs no scan of the list. */
  private readonly lastPos = new Map<string, number>();

  /** Finds a board by id or short link. */
  board(idOrShortLink: string): SimBoard | undefined {
    return this.boards.get(this.shortLinks.get(idOrShortLink) ?? idOrShortLink);
  }

  /** Finds a card by id or short link. */
  card(idOrShortLink: string): SimCard | undefined {
    return this.cards.get(this.shortLinks.get(idOrShortLink) ?? idOrShortLink);
  }

  action(id: string): SimAction | undefined {
    return this.actions.get(id);
  }

  addBoard(board: SimBoard): void {
    this.boards.set(board.id, board);
    this.shortLinks.set(board.shortLink, board.id);
  }

  addList(list: SimList): void {
    this.lists.set(list.id, list);
    addTo(this.listsByBoard, list.idBoard, list.id);
  }

  addCard(card: SimCard): void {
    this.cards.set(card.id, card);
    this.shortLinks.set(card.shortLink, card.id);
    addTo(this.cardsByBoard, card.idBoard, card.id);
    this.notePos(card.idList, card.pos);
  }

  /** Moves a card's board membership; the card record itself is updated by the caller. */
  moveCardBoard(card: SimCard, idBoard: string): void {
    this.cardsByBoard.get(card.idBoard)?.delete(card.id);
    addTo(this.cardsByBoard, idBoard, card.id);
  }

  removeCard(card: SimCard): void {
    this.cards.delete(card.id);
    this.shortLinks.delete(card.shortLink);
    this.cardsByBoard.get(card.idBoard)?.delete(card.id);
  }

  addLabel(label: SimLabel): void {
    this.labels.set(label.id, label);
    addTo(this.labelsByBoard, label.idBoard, label.id);
  }

  addCustomField(field: SimCustomField): void {
    this.customFields.set(field.id, field);
    addTo(this.fieldsByBoard, field.idModel, field.id);
  }

  addCustomFieldItem(item: SimCustomFieldItem): void {
    this.customFieldItems.set(item.id, item);
    addTo(this.itemsByCard, item.idModel, item.id);
  }

  addPluginData(record: SimPluginData): void {
    this.pluginData.set(record.id, record);
    addTo(this.pluginDataByModel, record.idModel, record.id);
  }

  pluginDataOfModel(idModel: string): SimPluginData[] {
    return pick(this.pluginDataByModel.get(idModel), this.pluginData);
  }

  /** Custom field values belong to the board's fields: they go when the card leaves the board or is deleted. */
  removeCustomFieldItemsOf(idCard: string): void {
    for (const id of this.itemsByCard.get(idCard) ?? []) this.customFieldItems.delete(id);
    this.itemsByCard.delete(idCard);
  }

  listsOf(idBoard: string): SimList[] {
    return pick(this.listsByBoard.get(idBoard), this.lists).sort((a, b) => a.pos - b.pos);
  }

  cardsOf(idBoard: string): SimCard[] {
    return pick(this.cardsByBoard.get(idBoard), this.cards);
  }

  labelsOf(idBoard: string): SimLabel[] {
    return pick(this.labelsByBoard.get(idBoard), this.labels);
  }

  customFieldsOf(idBoard: string): SimCustomField[] {
    return pick(this.fieldsByBoard.get(idBoard), this.customFields);
  }

  customFieldItemsOf(idCard: string): SimCustomFieldItem[] {
    return pick(this.itemsByCard.get(idCard), this.customFieldItems);
  }

  /** The position just below the list's lowest card, where Trello puts a card added at the "bottom". */
  bottomPos(idList: string): number {
    return (this.lastPos.get(idList) ?? 0) + 16384;
  }

  notePos(idList: string, pos: number): void {
    if (pos > (this.lastPos.get(idList) ?? 0)) this.lastPos.set(idList, pos);
  }
}
