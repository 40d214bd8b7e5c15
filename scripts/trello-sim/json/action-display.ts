import type { SimAction, SimMember } from "../model/sim-model";

// An action's data is Trello's free-form JSON, walked key by key below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action type carries other keys
type Data = Record<string, any>;
type Entity = Record<string, unknown>;

function cardEntity(card: Data | undefined, withList = false): Entity | undefined {
  if (!card) return undefined;
  const entity: Entity = { type: "card", id: card.id };
  if (withList && card.idList) entity.idList = card.idList;
  if (card.shortLink) entity.shortLink = card.shortLink;
  entity.text = card.name ?? "";
  return entity;
}

function namedEntity(type: string, ref: Data | undefined): Entity | undefined {
  return ref ? { type, id: ref.id, text: ref.name ?? "" } : undefined;
}

/** Which of Trello's translation keys describes an action, from its type and what changed. */
function translationKey(action: SimAction, self: boolean): string {
  const data = action.data as Data;
  const old = (data.old ?? {}) as Data;
  switch (action.type) {
    case "createCard":
      return "action_create_card";
    case "updateCard":
      if ("idList" in old) return "action_move_card_from_list_to_list";
      if ("closed" in old) return data.card.closed ? "action_archived_card" : "action_sent_card_to_board";
      if ("name" in old) return "action_renamed_card";
      if ("desc" in old) return "action_changed_description_of_card";
      if ("dueComplete" in old) {
        return data.card.dueComplete ? "action_marked_the_due_date_complete" : "action_marked_the_due_date_incomplete";
      }
      if ("due" in old) {
        if (old.due === null) return "action_added_a_due_date";
        return data.card.due === null ? "action_removed_a_due_date" : "action_changed_a_due_date";
      }
      return data.card.pos < old.pos ? "action_moved_card_higher" : "action_moved_card_lower";
    case "commentCard":
      return "action_comment_on_card";
    case "deleteCard":
      return "action_delete_card";
    case "addMemberToCard":
      return self ? "action_member_joined_card" : "action_added_member_to_card";
    case "removeMemberFromCard":
      return self ? "action_member_left_card" : "action_removed_member_from_card";
    case "addLabelToCard":
      return "action_add_label_to_card";
    case "removeLabelFromCard":
      return "action_remove_label_from_card";
    case "createList":
      return "action_added_list_to_board";
    case "updateList":
      if ("closed" in old) return data.list.closed ? "action_archived_list" : "action_sent_list_to_board";
      return "name" in old ? "action_renamed_list" : "action_moved_list";
    case "addChecklistToCard":
      return "action_add_checklist_to_card";
    case "updateCheckItemStateOnCard":
      return data.checkItem.state === "complete" ? "action_completed_checkitem" : "action_marked_checkitem_incomplete";
    case "moveCardToBoard":
      return "action_move_card_to_board";
    case "moveCardFromBoard":
      return "action_move_card_from_board";
    case "createBoard":
      return "action_create_board";
    case "addMemberToBoard":
      return "action_added_member_to_board";
    case "createCustomField":
      return "action_create_custom_field";
    case "updateCustomFieldItem":
      return "action_update_custom_field_item";
    default:
      return `action_${action.type.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
  }
}

/** The entities Trello's client renders the sentence from: the models the action names, then its author. */
function entities(action: SimAction, creator: SimMember): Record<string, Entity> {
  const data = action.data as Data;
  const found: Record<string, Entity | undefined> = {};
  if (action.type === "updateCheckItemStateOnCard") {
    const item = data.checkItem as Data;
    found.checkitem = { type: "checkItem", nameHtml: item.name, id: item.id, state: item.state, text: item.name };
  }
  found.card = cardEntity(data.card, "idList" in (data.old ?? {}));
  if (data.listBefore) {
    found.listBefore = namedEntity("list", data.listBefore);
    found.listAfter = namedEntity("list", data.listAfter);
  } else if (action.type === "createCard" || action.type.endsWith("List")) {
    found.list = namedEntity("list", data.list);
  }
  if (action.type === "commentCard") found.comment = { type: "comment", text: data.text };
  if (data.label) found.label = { type: "label", id: data.label.id, text: data.label.name };
  if (data.checklist && !data.checkItem) found.checklist = namedEntity("checklist", data.checklist);
  if (data.customField) found.customField = namedEntity("customField", data.customField);
  if (data.member) found.member = { type: "member", id: data.member.id, text: data.member.name };
  if (!data.card && data.board)
    found.board = { type: "board", id: data.board.id, text: data.board.name, shortLink: data.board.shortLink };
  found.memberCreator = { type: "member", id: creator.id, username: creator.username, text: creator.fullName };
  return Object.fromEntries(Object.entries(found).filter((entry): entry is [string, Entity] => entry[1] !== undefined));
}

/** An action's `display`, which modern Trello adds to deliveries and to GET /1/actions/{id}. */
export function actionDisplay(action: SimAction, creator: SimMember): Record<string, unknown> {
  const self = action.idMember !== undefined && action.idMember === action.idMemberCreator;
  return { translationKey: translationKey(action, self), entities: entities(action, creator) };
}
