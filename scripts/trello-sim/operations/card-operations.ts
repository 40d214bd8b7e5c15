import { randomShortLink } from "../model/short-link";
import type { SimAction, SimBoard, SimCard, SimList } from "../model/sim-model";
import { boardRef, cardRef, listRef } from "./action-refs";
import { invalidValue, notFound } from "./sim-error";
import { resolveActor, resolveWhen, type Authorship, type SimContext } from "./sim-context";

export type CardPos = number | "top" | "bottom";

export interface NewCard extends Authorship {
  name: string;
  desc?: string;
  due?: string | null;
  pos?: CardPos;
  idMembers?: string[];
  idLabels?: string[];
}

export interface CardChanges extends Authorship {
  name?: string;
  desc?: string;
  idList?: string;
  idBoard?: string;
  closed?: boolean;
  due?: string | null;
  dueComplete?: boolean;
  pos?: CardPos;
}

/** Fields that each make their own updateCard action, in the order Trello's card form applies them. */
const SIMPLE_FIELDS = ["name", "desc", "closed", "due", "dueComplete", "pos"] as const;

function normalizeDue(due: string | null): string | null {
  if (due === null) return null;
  const ms = Date.parse(due);
  if (!Number.isFinite(ms)) throw invalidValue("due");
  return new Date(ms).toISOString();
}

/** Cards: create, update (rename, move, archive, due, description, position), move to another board, delete. */
export function createCardOperations(ctx: SimContext) {
  const { store } = ctx;

  function requireCard(idCard: string): SimCard {
    const card = store.card(idCard);
    if (!card) throw notFound("card");
    return card;
  }

  function requireList(idList: string, field = "idList"): SimList {
    const list = store.lists.get(idList);
    if (!list) throw field === "idList" ? invalidValue("idList") : notFound("list");
    return list;
  }

  function boardOf(idBoard: string): SimBoard {
    const board = store.boards.get(idBoard);
    if (!board) throw notFound("board");
    return board;
  }

  function resolvePos(idList: string, pos: CardPos | undefined): number {
    if (pos === undefined || pos === "bottom") return store.bottomPos(idList);
    if (pos === "top") {
      const top = Math.min(Infinity, ...cardsOfList(idList).map((card) => card.pos));
      return top === Infinity ? 16384 : top / 2;
    }
    if (!Number.isFinite(pos) || pos < 0) throw invalidValue("pos");
    return pos;
  }

  function cardsOfList(idList: string): SimCard[] {
    const list = store.lists.get(idList);
    return list ? store.cardsOf(list.idBoard).filter((card) => card.idList === idList) : [];
  }

  function touch(card: SimCard, at: number): void {
    const date = new Date(at).toISOString();
    if (card.dateLastActivity < date) card.dateLastActivity = date;
  }

  function createCard(idList: string, input: NewCard): SimCard {
    const list = requireList(idList);
    const board = boardOf(list.idBoard);
    const actor = resolveActor(ctx, input.idMember);
    const at = resolveWhen(ctx, input.at);
    if (typeof input.name !== "string" || input.name.length > 16384) throw invalidValue("name");
    for (const id of input.idMembers ?? []) if (!store.members.has(id)) throw invalidValue("idMembers");
    for (const id of input.idLabels ?? [])
      if (store.labels.get(id)?.idBoard !== board.id) throw invalidValue("idLabels");
    const card: SimCard = {
      id: ctx.newId(at),
      idBoard: board.id,
      idList: list.id,
      name: input.name,
      desc: input.desc ?? "",
      closed: false,
      pos: resolvePos(list.id, input.pos),
      due: normalizeDue(input.due ?? null),
      dueComplete: false,
      idShort: board.nextIdShort++,
      shortLink: randomShortLink(),
      idMembers: [...(input.idMembers ?? [])],
      idLabels: [...(input.idLabels ?? [])],
      idChecklists: [],
      comments: 0,
      dateLastActivity: new Date(at).toISOString(),
    };
    store.addCard(card);
    ctx.record({
      type: "createCard",
      idMemberCreator: actor.id,
      data: { card: cardRef(card), list: listRef(list), board: boardRef(board) },
      idBoard: board.id,
      at,
    });
    return card;
  }

  /** Trello writes moveCardFromBoard into the old board's history and moveCardToBoard into the new one's. */
  function moveToBoard(
    card: SimCard,
    target: SimBoard,
    idList: string | undefined,
    idMemberCreator: string,
    at: number,
  ): SimAction[] {
    const source = boardOf(card.idBoard);
    const list =
      idList === undefined ? store.listsOf(target.id).find((candidate) => !candidate.closed) : requireList(idList);
    if (!list || list.idBoard !== target.id) throw invalidValue("idList");
    const oldList = requireList(card.idList, "list");
    const from = ctx.record({
      type: "moveCardFromBoard",
      idMemberCreator,
      data: {
        board: boardRef(source),
        boardTarget: { id: target.id, name: target.name },
        card: cardRef(card),
        list: listRef(oldList),
      },
      idBoard: source.id,
      at,
    });
    store.moveCardBoard(card, target.id);
    card.idBoard = target.id;
    card.idList = list.id;
    card.idShort = target.nextIdShort++;
    // Labels and custom fields belong to a board; the new board does not have the old one's.
    card.idLabels = [];
    store.removeCustomFieldItemsOf(card.id);
    for (const idChecklist of card.idChecklists) store.checklists.get(idChecklist)!.idBoard = target.id;
    card.pos = store.bottomPos(list.id);
    store.notePos(list.id, card.pos);
    const to = ctx.record({
      type: "moveCardToBoard",
      idMemberCreator,
      data: {
        board: boardRef(target),
        boardSource: { id: source.id, name: source.name },
        card: cardRef(card),
        list: listRef(list),
      },
      idBoard: target.id,
      at,
    });
    return [from, to];
  }

  function moveToList(
    card: SimCard,
    idList: string,
    pos: CardPos | undefined,
    idMemberCreator: string,
    at: number,
  ): SimAction {
    const before = requireList(card.idList, "list");
    const after = requireList(idList);
    if (after.idBoard !== card.idBoard) throw invalidValue("idList");
    card.idList = after.id;
    card.pos = resolvePos(after.id, pos);
    store.notePos(after.id, card.pos);
    return ctx.record({
      type: "updateCard",
      idMemberCreator,
      data: {
        card: cardRef(card, { idList: after.id }),
        old: { idList: before.id },
        board: boardRef(boardOf(card.idBoard)),
        listBefore: listRef(before),
        listAfter: listRef(after),
      },
      idBoard: card.idBoard,
      at,
    });
  }

  /** Refuses a bad change before anything is applied, so a refused update leaves the card as it was. */
  function validateChanges(changes: CardChanges): void {
    if (changes.name !== undefined && (typeof changes.name !== "string" || changes.name.length > 16384))
      throw invalidValue("name");
    if (changes.desc !== undefined && (typeof changes.desc !== "string" || changes.desc.length > 16384))
      throw invalidValue("desc");
    if (changes.due !== undefined) normalizeDue(changes.due);
    if (typeof changes.pos === "number" && (!Number.isFinite(changes.pos) || changes.pos < 0))
      throw invalidValue("pos");
    if (changes.idList !== undefined) requireList(changes.idList);
    if (changes.idBoard !== undefined && !store.board(changes.idBoard)) throw invalidValue("idBoard");
  }

  /** Applies changes; like Trello, each changed field is its own updateCard action with `old` holding the previous value. */
  function updateCard(idCard: string, changes: CardChanges): SimAction[] {
    const card = requireCard(idCard);
    const actor = resolveActor(ctx, changes.idMember);
    const at = resolveWhen(ctx, changes.at);
    validateChanges(changes);
    const recorded: SimAction[] = [];
    let pos = changes.pos;
    if (changes.idBoard !== undefined && changes.idBoard !== card.idBoard) {
      recorded.push(...moveToBoard(card, store.board(changes.idBoard)!, changes.idList, actor.id, at));
    } else if (changes.idList !== undefined && changes.idList !== card.idList) {
      recorded.push(moveToList(card, changes.idList, pos, actor.id, at));
      pos = undefined;
    }
    for (const field of SIMPLE_FIELDS) {
      let value: unknown = field === "pos" ? pos : changes[field];
      if (value === undefined) continue;
      if (field === "due") value = normalizeDue(value as string | null);
      if (field === "pos") value = resolvePos(card.idList, value as CardPos);
      if (value === card[field]) continue;
      const old = card[field];
      (card as unknown as Record<string, unknown>)[field] = value;
      if (field === "pos") store.notePos(card.idList, value as number);
      recorded.push(
        ctx.record({
          type: "updateCard",
          idMemberCreator: actor.id,
          data: {
            card: field === "name" ? cardRef(card) : cardRef(card, { [field]: value }),
            old: { [field]: old },
            board: boardRef(boardOf(card.idBoard)),
            list: listRef(requireList(card.idList, "list")),
          },
          idBoard: card.idBoard,
          at,
        }),
      );
    }
    if (recorded.length > 0) touch(card, at);
    return recorded;
  }

  function deleteCard(idCard: string, options: Authorship = {}): SimAction {
    const card = requireCard(idCard);
    const actor = resolveActor(ctx, options.idMember);
    const at = resolveWhen(ctx, options.at);
    const list = requireList(card.idList, "list");
    store.removeCard(card);
    for (const idChecklist of card.idChecklists) store.checklists.delete(idChecklist);
    store.removeCustomFieldItemsOf(card.id);
    return ctx.record({
      type: "deleteCard",
      idMemberCreator: actor.id,
      data: {
        card: { id: card.id, idShort: card.idShort, shortLink: card.shortLink },
        list: listRef(list),
        board: boardRef(boardOf(card.idBoard)),
      },
      idBoard: card.idBoard,
      at,
    });
  }

  return { createCard, updateCard, deleteCard, requireCard, touch };
}

export type CardOperations = ReturnType<typeof createCardOperations>;
