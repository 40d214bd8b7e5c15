/**
 * Writes a board's history as Trello actions, shaped like the real ones in test/fixtures/trello
 * (createCard, updateCard moves with listBefore/listAfter and old.idList, commentCard, …).
 */
export interface ListRef {
  id: string;
  name: string;
}
export interface CardRef {
  id: string;
  name: string;
  idShort: number;
  shortLink: string;
  list: ListRef;
}

const MEMBER = {
  id: "5e679b808e6e8828784b30e1",
  username: "hoppertest",
  fullName: "Hopper Test",
  initials: "HT",
  avatarHash: null,
};

export class BoardStory {
  readonly actions: any[] = [];
  private counter = 0;

  constructor(
    readonly board: { id: string; name: string; shortLink: string } = {
      id: "5e93ba98614ac22d22f085c4",
      name: "Client Portal",
      shortLink: "y1TF9GTa",
    },
  ) {}

  /** A Mongo-style id whose first 4 bytes are the time, as Trello's are. */
  private objectId(date: string): string {
    const seconds = Math.floor(Date.parse(date) / 1000)
      .toString(16)
      .padStart(8, "0");
    this.counter += 1;
    return `${seconds}a1b2c3${this.counter.toString(16).padStart(10, "0")}`;
  }

  private record(type: string, date: string, data: Record<string, unknown>): any {
    const action = {
      id: this.objectId(date),
      idMemberCreator: MEMBER.id,
      data: { ...data, board: { id: this.board.id, name: this.board.name, shortLink: this.board.shortLink } },
      type,
      date: new Date(date).toISOString(),
      limits: {},
      memberCreator: MEMBER,
    };
    this.actions.push(action);
    return action;
  }

  createList(date: string, name: string): ListRef {
    const list = { id: this.objectId(date), name };
    this.record("createList", date, { list });
    return list;
  }

  renameList(date: string, list: ListRef, name: string): void {
    this.record("updateList", date, { list: { id: list.id, name }, old: { name: list.name } });
    list.name = name;
  }

  /** Brings a card into the board by one of the creation types (createCard by default). */
  createCard(date: string, list: ListRef, name: string, type = "createCard"): CardRef {
    this.counter += 1;
    const card = { id: this.objectId(date), name, idShort: this.counter, shortLink: `s${this.counter}`, list };
    const extra = type === "moveCardToBoard" ? { boardSource: { id: "5e93ba98614ac22d22f08000", name: "Intake" } } : {};
    this.record(type, date, {
      card: { id: card.id, name, idShort: card.idShort, shortLink: card.shortLink },
      list: { ...list },
      ...extra,
    });
    return card;
  }

  moveCard(date: string, card: CardRef, to: ListRef): any {
    const from = card.list;
    card.list = to;
    return this.record("updateCard", date, {
      card: { idList: to.id, id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      old: { idList: from.id },
      listBefore: { ...from },
      listAfter: { ...to },
    });
  }

  renameCard(date: string, card: CardRef, name: string): void {
    this.record("updateCard", date, {
      card: { id: card.id, name, idShort: card.idShort, shortLink: card.shortLink },
      old: { name: card.name },
      list: { ...card.list },
    });
    card.name = name;
  }

  archiveCard(date: string, card: CardRef): void {
    this.record("updateCard", date, {
      card: { closed: true, id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      old: { closed: false },
      list: { ...card.list },
    });
  }

  setDue(date: string, card: CardRef, due: string | null, old: string | null = null): void {
    this.record("updateCard", date, {
      card: { due, id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      old: { due: old },
      list: { ...card.list },
    });
  }

  addMember(date: string, card: CardRef, member: { id: string; name: string }, type = "addMemberToCard"): void {
    this.record(type, date, {
      card: { id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      idMember: member.id,
      member: { ...member },
    });
  }

  addLabel(
    date: string,
    card: CardRef,
    label: { id: string; name: string; color: string },
    type = "addLabelToCard",
  ): void {
    this.record(type, date, {
      card: { id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      label: { ...label },
      text: label.name,
    });
  }

  deleteCard(date: string, card: CardRef): void {
    this.record("deleteCard", date, {
      card: { id: card.id, idShort: card.idShort, shortLink: card.shortLink },
      list: { ...card.list },
    });
  }

  moveCardAway(date: string, card: CardRef, target: { id: string }): void {
    this.record("moveCardFromBoard", date, {
      card: { id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      boardTarget: { id: target.id },
      list: { ...card.list },
    });
  }

  comment(date: string, card: CardRef, text: string): any {
    return this.record("commentCard", date, {
      card: { id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink },
      list: { ...card.list },
      text,
    });
  }

  /** The delivery Trello would send for an action of this board's webhook. */
  delivery(action: any): string {
    return JSON.stringify({ model: { id: this.board.id, name: this.board.name }, action });
  }
}
