import type { BoardModel } from "./host-bridge";

type Json = Record<string, unknown>;

function initials(fullName: unknown): string {
  return String(fullName ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join("")
    .slice(0, 3);
}

/** A member as Trello's client returns it from t.member() and inside t.card().members. */
export function clientMember(member: Json): Json {
  return {
    id: member.id,
    fullName: member.fullName ?? null,
    username: member.username ?? null,
    initials: member.initials ?? initials(member.fullName),
    avatar: member.avatarUrl ? `${String(member.avatarUrl)}/50.png` : null,
    paidStatus: "free",
  };
}

/** A card as Trello's client returns it from t.card('all') / t.cards('all'). */
export function clientCard(card: Json, model: BoardModel): Json {
  const idMembers = (card.idMembers as string[] | undefined) ?? [];
  return {
    id: card.id,
    address: null,
    attachments: [],
    badges: card.badges,
    closed: card.closed,
    coordinates: null,
    cover: card.cover,
    customFieldItems: [],
    dateLastActivity: card.dateLastActivity,
    desc: card.desc,
    due: card.due ?? null,
    dueComplete: card.dueComplete ?? false,
    idList: card.idList,
    idShort: card.idShort,
    labels: ((card.labels as Json[] | undefined) ?? []).map((label) => ({
      id: label.id,
      name: label.name,
      color: label.color,
    })),
    locationName: null,
    members: model.members.filter((member) => idMembers.includes(String(member.id))).map(clientMember),
    name: card.name,
    pos: card.pos,
    shortLink: card.shortLink,
    start: null,
    url: card.url,
  };
}

/** A list as t.lists() returns it; `cards` holds its open cards in the client's card shape. */
export function clientList(list: Json, model: BoardModel): Json {
  return {
    id: list.id,
    name: list.name,
    cards: model.cards.filter((card) => card.idList === list.id).map((card) => clientCard(card, model)),
  };
}

/** The board as t.board('all') returns it. */
export function clientBoard(model: BoardModel): Json {
  const { board } = model;
  return {
    id: board.id,
    name: board.name,
    url: board.url,
    shortLink: board.shortLink,
    dateLastActivity: board.dateLastActivity ?? null,
    idOrganization: board.idOrganization ?? null,
    customFields: [],
    labels: board.labels ?? [],
    members: model.members.map(clientMember),
    memberships: board.memberships ?? [],
    paidStatus: "free",
  };
}

/** Keeps the requested fields, as the client does; 'all' (or none) keeps everything. */
export function pickFields(value: Json, fields: string[]): Json {
  if (fields.length === 0 || fields.includes("all")) return value;
  return Object.fromEntries(fields.filter((field) => field in value).map((field) => [field, value[field]]));
}
