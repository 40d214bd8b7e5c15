import { urlSlug } from "../model/short-link";
import type { SimCard } from "../model/sim-model";
import type { SimStore } from "../model/sim-store";
import { labelJson } from "./model-json";
import { pickFields } from "./pick-fields";

/** GET /1/cards/{id} without `fields` (rest__GET_cards_id). */
const CARD_DEFAULT_FIELDS = [
  "id",
  "checkItemStates",
  "closed",
  "dateLastActivity",
  "desc",
  "descData",
  "dueReminder",
  "idBoard",
  "idList",
  "idMembersVoted",
  "idShort",
  "idAttachmentCover",
  "idLabels",
  "manualCoverAttachment",
  "name",
  "pos",
  "shortLink",
  "isTemplate",
  "dueComplete",
  "due",
  "email",
  "labels",
  "shortUrl",
  "url",
  "cover",
  "idMembers",
  "idChecklists",
  "badges",
  "subscribed",
] as const;

/** The cards of GET /1/boards/{id}/cards and /1/lists/{id}/cards have no `email` (rest__GET_boards_id_cards). */
const LISTED_CARD_FIELDS = CARD_DEFAULT_FIELDS.filter((field) => field !== "email");

export interface CardJsonOptions {
  fields?: string;
  /** A card fetched on its own (GET /1/cards/{id}) rather than as part of a list of cards. */
  single: boolean;
}

/** A card in the shape of Trello's REST responses; `checkItemStates` is null in listings, as Trello sends it. */
export function cardJson(card: SimCard, store: SimStore, options: CardJsonOptions): Record<string, unknown> {
  const checkItems = card.idChecklists.flatMap((id) => store.checklists.get(id)?.checkItems ?? []);
  const checked = checkItems.filter((item) => item.state === "complete");
  const shortUrl = `https://trello.com/c/${card.shortLink}`;
  const full: Record<string, unknown> = {
    id: card.id,
    checkItemStates: options.single ? checked.map((item) => ({ idCheckItem: item.id, state: "complete" })) : null,
    closed: card.closed,
    dateLastActivity: card.dateLastActivity,
    desc: card.desc,
    descData: null,
    dueReminder: null,
    idBoard: card.idBoard,
    idList: card.idList,
    idMembersVoted: [],
    idShort: card.idShort,
    idAttachmentCover: null,
    idLabels: [...card.idLabels],
    manualCoverAttachment: false,
    name: card.name,
    pos: card.pos,
    shortLink: card.shortLink,
    isTemplate: false,
    dueComplete: card.dueComplete,
    due: card.due,
    email: null,
    labels: card.idLabels
      .map((id) => store.labels.get(id))
      .filter((label) => label !== undefined)
      .map(labelJson),
    shortUrl,
    url: `${shortUrl}/${card.idShort}-${urlSlug(card.name)}`,
    cover: { idAttachment: null, color: null, idUploadedBackground: null, size: "normal", brightness: "light" },
    idMembers: [...card.idMembers],
    idChecklists: [...card.idChecklists],
    badges: {
      attachmentsByType: { trello: { board: 0, card: 0 } },
      location: false,
      votes: 0,
      viewingMemberVoted: false,
      subscribed: false,
      fogbugz: "",
      checkItems: checkItems.length,
      checkItemsChecked: checked.length,
      checkItemsEarliestDue: null,
      comments: card.comments,
      attachments: 0,
      description: card.desc !== "",
      due: card.due,
      dueComplete: card.dueComplete,
    },
    subscribed: false,
  };
  return pickFields(full, options.fields, options.single ? CARD_DEFAULT_FIELDS : LISTED_CARD_FIELDS);
}
