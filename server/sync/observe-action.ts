import type { TrelloAction } from "../trello/trello-action-schema";
import { isCardCreationType } from "../trello/action-types";
import { cardListOf } from "../trello/card-list-of";
import type {
  BoardFields,
  CardFields,
  CardMemberObservation,
  ListFields,
  MemberFields,
  Observation,
} from "../store/entity-fields";

export type { BoardFields, CardFields, CardMemberObservation, ListFields, MemberFields, Observation };
import { actionVersion } from "./action-version";

export interface ActionObservations {
  boards: Observation<BoardFields>[];
  lists: Observation<ListFields>[];
  cards: Observation<CardFields>[];
  members: Observation<MemberFields>[];
  cardMembers: CardMemberObservation[];
}

/** Copies the keys an action actually carries, so absent fields never overwrite known ones. */
function present<T extends object, K extends keyof T & string>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    if (key in source && source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

function observeLists(action: TrelloAction, boardId: string, version: string): Observation<ListFields>[] {
  const { data } = action;
  const observations: Observation<ListFields>[] = [];
  if (data.list) {
    const listBoardId = action.type === "moveListFromBoard" ? (data.boardTarget?.id ?? boardId) : boardId;
    const fields: Partial<ListFields> = {
      boardId: listBoardId,
      ...present(data.list, ["name", "closed", "pos"] as const),
    };
    if (action.type === "createList") fields.closed = false;
    observations.push({ id: data.list.id, version, fields });
  }
  for (const ref of [data.listBefore, data.listAfter]) {
    if (ref) observations.push({ id: ref.id, version, fields: { boardId, ...present(ref, ["name"] as const) } });
  }
  return observations;
}

function observeCard(action: TrelloAction, boardId: string, version: string): Observation<CardFields> | undefined {
  const { data } = action;
  if (!data.card) return undefined;
  const card = data.card;
  const fields: Partial<CardFields> = present(card, ["name", "closed", "due", "pos", "idShort", "shortLink"] as const);
  if (action.type === "moveCardFromBoard") {
    fields.boardId = data.boardTarget?.id ?? null;
  } else {
    fields.boardId = boardId;
    const list = cardListOf(action);
    if (list) fields.listId = list.id;
  }
  if (action.type === "deleteCard") fields.deleted = true;
  if (isCardCreationType(action.type)) {
    fields.deleted = false;
    fields.closed ??= false;
  }
  return { id: card.id, version, fields };
}

function observeMembers(action: TrelloAction, version: string): Observation<MemberFields>[] {
  const observations: Observation<MemberFields>[] = [];
  for (const member of [action.memberCreator, action.member]) {
    if (member)
      observations.push({ id: member.id, version, fields: present(member, ["username", "fullName"] as const) });
  }
  const dataMember = action.data.member;
  if (dataMember && dataMember.name != null) {
    observations.push({ id: dataMember.id, version, fields: { fullName: dataMember.name } });
  }
  return observations;
}

function observeCardMembers(action: TrelloAction, version: string): CardMemberObservation[] {
  if (action.type !== "addMemberToCard" && action.type !== "removeMemberFromCard") return [];
  const cardId = action.data.card?.id;
  // Trello has carried the member three ways over the years: data.idMember, data.member, top-level member.
  const memberId = action.data.idMember ?? action.data.member?.id ?? action.member?.id;
  if (!cardId || !memberId) return [];
  return [{ cardId, memberId, present: action.type === "addMemberToCard", version }];
}

/** Turns one Trello action into what it tells us about boards, lists, cards and members. Pure. */
export function observeAction(action: TrelloAction, fallbackBoardId: string): ActionObservations {
  const version = actionVersion(action.date, action.id);
  const boardId = action.data.board?.id ?? fallbackBoardId;
  const card = observeCard(action, boardId, version);
  const boardName = action.data.board?.name;
  return {
    boards: [{ id: boardId, version, fields: boardName != null ? { name: boardName } : {} }],
    lists: observeLists(action, boardId, version),
    cards: card ? [card] : [],
    members: observeMembers(action, version),
    cardMembers: observeCardMembers(action, version),
  };
}
