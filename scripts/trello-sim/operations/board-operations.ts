import { createHash, randomBytes } from "node:crypto";
import { randomShortLink } from "../model/short-link";
import type {
  CustomFieldType,
  SimBoard,
  SimCustomField,
  SimLabel,
  SimList,
  SimMember,
  SimToken,
} from "../model/sim-model";
import { boardRef, listRef } from "./action-refs";
import { invalidValue, notFound } from "./sim-error";
import { resolveActor, resolveWhen, type Authorship, type SimContext } from "./sim-context";

/** The six colour labels, without names, that Trello puts on every new board. */
const DEFAULT_LABEL_COLORS = ["green", "yellow", "orange", "red", "purple", "blue"];

export interface NewMember {
  username?: string;
  fullName?: string;
}

export interface NewBoard extends Authorship {
  name: string;
  desc?: string;
  /** Lists to create, in order, each with its own createList action (Trello's default is To Do, Doing, Done). */
  lists?: string[];
  defaultLabels?: boolean;
}

/** A list's position as Trello's REST API takes it. */
export type ListPos = number | "top" | "bottom";

export interface ListChanges extends Authorship {
  name?: string;
  closed?: boolean;
  pos?: ListPos;
}

export interface NewCustomField extends Authorship {
  name: string;
  type: CustomFieldType;
  /** Option texts of a `list` field. */
  options?: string[];
}

function initials(fullName: string): string {
  const letters = fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase());
  return letters.join("").slice(0, 4) || "?";
}

function requireName(name: string, field = "name"): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 16384) throw invalidValue(field);
  return name;
}

/** Members, tokens, boards, labels, lists and custom fields: each change recorded as Trello records it. */
export function createBoardOperations(ctx: SimContext) {
  const { store } = ctx;

  function requireBoard(idBoard: string): SimBoard {
    const board = store.board(idBoard);
    if (!board) throw notFound("board");
    return board;
  }

  function createMember(input: NewMember = {}): SimMember {
    const fullName = input.fullName ?? input.username ?? "Sim Member";
    let username = (input.username ?? fullName).toLowerCase().replace(/[^a-z0-9_]/g, "") || "member";
    const taken = new Set([...store.members.values()].map((member) => member.username));
    for (let n = 1; taken.has(username); n++) username = `${username.replace(/\d+$/, "")}${n}`;
    const member: SimMember = { id: ctx.newId(ctx.now()), username, fullName, initials: initials(fullName) };
    store.members.set(member.id, member);
    return member;
  }

  function createToken(idMember: string, options: { token?: string; identifier?: string } = {}): SimToken {
    if (!store.members.has(idMember)) throw notFound("member");
    const token: SimToken = {
      id: ctx.newId(ctx.now()),
      token: options.token ?? randomBytes(32).toString("hex"),
      idMember,
      identifier: options.identifier ?? "Stakeholder Loop",
      dateCreated: new Date(ctx.now()).toISOString(),
    };
    store.tokens.set(token.token, token);
    return token;
  }

  function addMemberToBoard(
    idBoard: string,
    idMemberAdded: string,
    options: Authorship & { memberType?: "admin" | "normal" | "observer" } = {},
  ) {
    const board = requireBoard(idBoard);
    if (!store.members.has(idMemberAdded)) throw notFound("member");
    const actor = resolveActor(ctx, options.idMember);
    const at = resolveWhen(ctx, options.at);
    const memberType = options.memberType ?? "normal";
    if (board.memberships.some((membership) => membership.idMember === idMemberAdded)) return undefined;
    board.memberships.push({ id: ctx.newId(at), idMember: idMemberAdded, memberType });
    return ctx.record({
      type: "addMemberToBoard",
      idMemberCreator: actor.id,
      data: { memberType, idMemberAdded, board: boardRef(board) },
      idBoard: board.id,
      idMember: idMemberAdded,
      at,
    });
  }

  /** Trello's list positions: "bottom" (the default) after the last list, "top" before the first. */
  function resolveListPos(idBoard: string, pos: ListPos | undefined): number {
    const positions = store.listsOf(idBoard).map((list) => list.pos);
    if (pos === undefined || pos === "bottom") return Math.max(0, ...positions) + 16384;
    if (pos === "top") return positions.length ? Math.min(...positions) / 2 : 16384;
    if (!Number.isFinite(pos) || pos < 0) throw invalidValue("pos");
    return pos;
  }

  function createList(idBoard: string, input: Authorship & { name: string; pos?: ListPos }): SimList {
    const board = requireBoard(idBoard);
    const actor = resolveActor(ctx, input.idMember);
    const at = resolveWhen(ctx, input.at);
    const list: SimList = {
      id: ctx.newId(at),
      idBoard: board.id,
      name: requireName(input.name),
      closed: false,
      pos: resolveListPos(board.id, input.pos),
    };
    store.addList(list);
    ctx.record({
      type: "createList",
      idMemberCreator: actor.id,
      data: { list: listRef(list), board: boardRef(board) },
      idBoard: board.id,
      at,
    });
    return list;
  }

  function createBoard(input: NewBoard): SimBoard {
    const actor = resolveActor(ctx, input.idMember);
    const at = resolveWhen(ctx, input.at);
    const id = ctx.newId(at);
    const board: SimBoard = {
      id,
      name: requireName(input.name),
      desc: input.desc ?? "",
      closed: false,
      shortLink: randomShortLink(),
      memberships: [{ id: ctx.newId(at), idMember: actor.id, memberType: "admin" }],
      background: "blue",
      dateLastActivity: new Date(at).toISOString(),
      nextIdShort: 1,
    };
    store.addBoard(board);
    if (input.defaultLabels !== false) {
      for (const color of DEFAULT_LABEL_COLORS) store.addLabel({ id: ctx.newId(at), idBoard: id, name: "", color });
    }
    ctx.record({ type: "createBoard", idMemberCreator: actor.id, data: { board: boardRef(board) }, idBoard: id, at });
    for (const name of input.lists ?? []) createList(id, { name, idMember: actor.id, at });
    return board;
  }

  function createLabel(idBoard: string, input: Authorship & { name: string; color?: string | null }): SimLabel {
    const board = requireBoard(idBoard);
    const actor = resolveActor(ctx, input.idMember);
    const at = resolveWhen(ctx, input.at);
    const label: SimLabel = { id: ctx.newId(at), idBoard: board.id, name: input.name, color: input.color ?? null };
    store.addLabel(label);
    const labelData =
      label.color === null
        ? { id: label.id, name: label.name }
        : { id: label.id, name: label.name, color: label.color };
    ctx.record({
      type: "createLabel",
      idMemberCreator: actor.id,
      data: { label: labelData, board: boardRef(board) },
      idBoard: board.id,
      at,
    });
    return label;
  }

  /** Applies list changes; each changed field is its own updateList action, with `old` holding the previous value. */
  function updateList(idList: string, changes: ListChanges) {
    const list = store.lists.get(idList);
    if (!list) throw notFound("list");
    const board = requireBoard(list.idBoard);
    const actor = resolveActor(ctx, changes.idMember);
    const at = resolveWhen(ctx, changes.at);
    const recorded = [];
    const resolved = {
      ...changes,
      pos: changes.pos === undefined ? undefined : resolveListPos(list.idBoard, changes.pos),
    };
    for (const field of ["name", "closed", "pos"] as const) {
      const value = resolved[field];
      if (value === undefined || value === list[field]) continue;
      if (field === "name") requireName(value as string);
      const old = list[field];
      (list as unknown as Record<string, unknown>)[field] = value;
      const ref = field === "name" ? listRef(list) : { [field]: value, ...listRef(list) };
      const data = { old: { [field]: old }, list: ref, board: boardRef(board) };
      recorded.push(ctx.record({ type: "updateList", idMemberCreator: actor.id, data, idBoard: board.id, at }));
    }
    return recorded;
  }

  function addCustomField(idBoard: string, input: NewCustomField): SimCustomField {
    const board = requireBoard(idBoard);
    const actor = resolveActor(ctx, input.idMember);
    const at = resolveWhen(ctx, input.at);
    const id = ctx.newId(at);
    const field: SimCustomField = {
      id,
      idModel: board.id,
      name: requireName(input.name),
      type: input.type,
      pos: (store.customFieldsOf(board.id).length + 1) * 16384,
      fieldGroup: createHash("sha256").update(id).digest("hex"),
      options: (input.options ?? []).map((text, index) => ({
        id: ctx.newId(at),
        idCustomField: id,
        value: { text },
        color: "none",
        pos: (index + 1) * 16384,
      })),
    };
    store.addCustomField(field);
    ctx.record({
      type: "createCustomField",
      idMemberCreator: actor.id,
      data: { board: boardRef(board), customField: { id: field.id, name: field.name } },
      idBoard: board.id,
      at,
    });
    return field;
  }

  return {
    createMember,
    createToken,
    createBoard,
    addMemberToBoard,
    createLabel,
    createList,
    updateList,
    addCustomField,
  };
}
