import type { SimAction, SimCard, SimCheckItem, SimChecklist, SimCustomFieldItem, SimLabel } from "../model/sim-model";
import { boardRef, cardRef, listRef } from "./action-refs";
import type { CardOperations } from "./card-operations";
import { invalidValue, notFound } from "./sim-error";
import { resolveActor, resolveWhen, type Authorship, type SimContext } from "./sim-context";

export interface NewChecklist extends Authorship {
  name: string;
  /** Item names, or `{name, checked}` for items already ticked. */
  items?: (string | { name: string; checked?: boolean })[];
}

/** A custom field value as a seed gives it: text, number, ISO date, checkbox, or a list option's id or text. */
export type CustomFieldValue = string | number | boolean | null;

function labelData(label: SimLabel): Record<string, unknown> {
  // An uncoloured label has no `color` key at all in Trello's action data.
  return label.color === null
    ? { name: label.name, id: label.id }
    : { color: label.color, name: label.name, id: label.id };
}

/** What happens on a card besides its own fields: comments, members, labels, checklists, custom field values. */
export function createCardDetailOperations(ctx: SimContext, cards: CardOperations) {
  const { store } = ctx;

  function context(card: SimCard) {
    const board = store.boards.get(card.idBoard)!;
    const list = store.lists.get(card.idList)!;
    return { board, list };
  }

  function recordOnCard(
    card: SimCard,
    type: string,
    data: Record<string, unknown>,
    auth: Authorship,
    idMember?: string,
  ): SimAction {
    const actor = resolveActor(ctx, auth.idMember);
    const at = resolveWhen(ctx, auth.at);
    cards.touch(card, at);
    return ctx.record({
      type,
      idMemberCreator: actor.id,
      data,
      idBoard: card.idBoard,
      at,
      ...(idMember ? { idMember } : {}),
    });
  }

  function addComment(idCard: string, text: string, auth: Authorship = {}): SimAction {
    const card = cards.requireCard(idCard);
    if (typeof text !== "string" || text.trim() === "" || text.length > 16384) throw invalidValue("text");
    const { board, list } = context(card);
    const action = recordOnCard(
      card,
      "commentCard",
      { text, card: cardRef(card), board: boardRef(board), list: listRef(list) },
      auth,
    );
    card.comments++;
    return action;
  }

  function memberChange(
    type: "addMemberToCard" | "removeMemberFromCard",
    idCard: string,
    idMember: string,
    auth: Authorship,
  ): SimAction | undefined {
    const card = cards.requireCard(idCard);
    const member = store.members.get(idMember);
    const { board } = context(card);
    if (!member || !board.memberships.some((membership) => membership.idMember === idMember))
      throw invalidValue("value");
    const has = card.idMembers.includes(idMember);
    if (has === (type === "addMemberToCard")) return undefined;
    card.idMembers = has ? card.idMembers.filter((id) => id !== idMember) : [...card.idMembers, idMember];
    const data = {
      idMember,
      card: cardRef(card),
      board: boardRef(board),
      member: { id: member.id, name: member.fullName },
    };
    return recordOnCard(card, type, data, auth, idMember);
  }

  function labelChange(
    type: "addLabelToCard" | "removeLabelFromCard",
    idCard: string,
    idLabel: string,
    auth: Authorship,
  ): SimAction | undefined {
    const card = cards.requireCard(idCard);
    const label = store.labels.get(idLabel);
    if (!label || label.idBoard !== card.idBoard) throw invalidValue("value");
    const has = card.idLabels.includes(idLabel);
    if (has === (type === "addLabelToCard")) return undefined;
    card.idLabels = has ? card.idLabels.filter((id) => id !== idLabel) : [...card.idLabels, idLabel];
    const { board } = context(card);
    const data: Record<string, unknown> = {
      label: labelData(label),
      board: boardRef(board),
      card: cardRef(card),
      text: label.name,
    };
    if (label.color !== null) data.value = label.color;
    return recordOnCard(card, type, data, auth);
  }

  function addChecklist(idCard: string, input: NewChecklist): SimChecklist {
    const card = cards.requireCard(idCard);
    const at = resolveWhen(ctx, input.at);
    const id = ctx.newId(at);
    const checkItems: SimCheckItem[] = (input.items ?? []).map((item, index) => {
      const { name, checked } = typeof item === "string" ? { name: item, checked: false } : item;
      const state = checked ? "complete" : "incomplete";
      return { id: ctx.newId(at), idChecklist: id, name, state, pos: (index + 1) * 16384, due: null, idMember: null };
    });
    const checklist: SimChecklist = {
      id,
      idBoard: card.idBoard,
      idCard: card.id,
      name: input.name,
      pos: (card.idChecklists.length + 1) * 16384,
      checkItems,
    };
    store.checklists.set(id, checklist);
    card.idChecklists.push(id);
    const { board } = context(card);
    recordOnCard(
      card,
      "addChecklistToCard",
      { card: cardRef(card), checklist: { id, name: checklist.name }, board: boardRef(board) },
      { ...input, at },
    );
    return checklist;
  }

  function setCheckItemState(
    idCard: string,
    idCheckItem: string,
    state: "complete" | "incomplete",
    auth: Authorship = {},
  ): SimAction | undefined {
    const card = cards.requireCard(idCard);
    const checklist = card.idChecklists
      .map((id) => store.checklists.get(id)!)
      .find((list) => list.checkItems.some((item) => item.id === idCheckItem));
    const item = checklist?.checkItems.find((candidate) => candidate.id === idCheckItem);
    if (!checklist || !item) throw notFound("checkItem");
    if (state !== "complete" && state !== "incomplete") throw invalidValue("state");
    if (item.state === state) return undefined;
    item.state = state;
    const { board } = context(card);
    const data = {
      checkItem: { state, name: item.name, id: item.id },
      checklist: { name: checklist.name, id: checklist.id },
      card: cardRef(card),
      board: boardRef(board),
    };
    return recordOnCard(card, "updateCheckItemStateOnCard", data, auth);
  }

  function setCustomFieldItem(
    idCard: string,
    idCustomField: string,
    value: CustomFieldValue,
    auth: Authorship = {},
  ): SimAction {
    const card = cards.requireCard(idCard);
    const field = store.customFields.get(idCustomField);
    if (!field || field.idModel !== card.idBoard) throw notFound("customField");
    const stored = storedValue(field.type, field.options, value);
    const at = resolveWhen(ctx, auth.at);
    let item = store.customFieldItemsOf(card.id).find((candidate) => candidate.idCustomField === field.id);
    const key = field.type === "list" ? "idValue" : "value";
    const old = { [key]: item?.[key] ?? null };
    if (!item) {
      item = { id: ctx.newId(at), idCustomField: field.id, idModel: card.id };
      store.addCustomFieldItem(item);
    }
    delete item.value;
    delete item.idValue;
    Object.assign(item, stored);
    const { board } = context(card);
    const data = {
      old,
      customField: { id: field.id, name: field.name, type: field.type },
      customFieldItem: { ...item, modelType: "card" },
      board: boardRef(board),
      card: cardRef(card),
    };
    return recordOnCard(card, "updateCustomFieldItem", data, { ...auth, at });
  }

  return {
    addComment,
    addMemberToCard: (idCard: string, idMember: string, auth: Authorship = {}) =>
      memberChange("addMemberToCard", idCard, idMember, auth),
    removeMemberFromCard: (idCard: string, idMember: string, auth: Authorship = {}) =>
      memberChange("removeMemberFromCard", idCard, idMember, auth),
    addLabelToCard: (idCard: string, idLabel: string, auth: Authorship = {}) =>
      labelChange("addLabelToCard", idCard, idLabel, auth),
    removeLabelFromCard: (idCard: string, idLabel: string, auth: Authorship = {}) =>
      labelChange("removeLabelFromCard", idCard, idLabel, auth),
    addChecklist,
    setCheckItemState,
    setCustomFieldItem,
  };
}

/** A value as Trello stores it: every kind as a string under its type's key; list fields by option id; empty clears. */
function storedValue(
  type: string,
  options: { id: string; value: { text: string } }[],
  value: CustomFieldValue,
): Pick<SimCustomFieldItem, "value" | "idValue"> {
  if (value === null || value === "") return {};
  if (type === "list") {
    const option = options.find((candidate) => candidate.id === value || candidate.value.text === value);
    if (!option) throw invalidValue("idValue");
    return { idValue: option.id };
  }
  if (type === "checkbox") return { value: { checked: String(value === true || value === "true") } };
  if (type === "number") {
    if (!Number.isFinite(Number(value))) throw invalidValue("value");
    return { value: { number: String(value) } };
  }
  if (type === "date") {
    const ms = Date.parse(String(value));
    if (!Number.isFinite(ms)) throw invalidValue("value");
    return { value: { date: new Date(ms).toISOString() } };
  }
  return { value: { text: String(value) } };
}
