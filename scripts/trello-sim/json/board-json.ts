import { urlSlug } from "../model/short-link";
import type { SimBoard, SimLabel } from "../model/sim-model";
import { pickFields } from "./pick-fields";

/** What GET /1/boards/{id} returns without `fields` (and what a board webhook's `model` is). */
export const BOARD_DEFAULT_FIELDS = [
  "id",
  "name",
  "desc",
  "descData",
  "closed",
  "idOrganization",
  "idEnterprise",
  "pinned",
  "url",
  "shortUrl",
  "prefs",
  "labelNames",
] as const;

const LABEL_COLORS = ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"];

/** Trello's colour keys for label names, plain then `_dark` then `_light`, as in its 2024 deliveries. */
const LABEL_NAME_KEYS = [
  ...LABEL_COLORS,
  ...LABEL_COLORS.map((c) => `${c}_dark`),
  ...LABEL_COLORS.map((c) => `${c}_light`),
];

const BACKGROUND_COLORS: Record<string, string> = {
  blue: "#0079BF",
  green: "#519839",
  orange: "#D29034",
  red: "#B04632",
  purple: "#89609E",
  lime: "#4BBF6B",
};

function prefs(board: SimBoard): Record<string, unknown> {
  const color = BACKGROUND_COLORS[board.background] ?? "#0079BF";
  return {
    permissionLevel: "private",
    hideVotes: false,
    voting: "disabled",
    comments: "members",
    invitations: "members",
    selfJoin: true,
    cardCovers: true,
    cardCounts: false,
    isTemplate: false,
    cardAging: "regular",
    calendarFeedEnabled: false,
    hiddenPluginBoardButtons: [],
    switcherViews: ["Board", "Table", "Calendar", "Dashboard", "Timeline", "Map"].map((viewType, index) => ({
      viewType,
      enabled: index < 2,
    })),
    background: board.background,
    backgroundColor: color,
    backgroundImage: null,
    backgroundImageScaled: null,
    backgroundTile: false,
    backgroundBrightness: "dark",
    backgroundBottomColor: color,
    backgroundTopColor: color,
    canBePublic: true,
    canBeEnterprise: true,
    canBeOrg: true,
    canBePrivate: true,
    canInvite: true,
  };
}

function labelNames(labels: SimLabel[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const key of LABEL_NAME_KEYS) names[key] = labels.find((label) => label.color === key)?.name ?? "";
  return names;
}

/** A board in the shape of rest__GET_boards_id (default fields) and rest__GET_members_username_boards (all). */
export function boardJson(board: SimBoard, labels: SimLabel[], fields?: string): Record<string, unknown> {
  const shortUrl = `https://trello.com/b/${board.shortLink}`;
  const full: Record<string, unknown> = {
    id: board.id,
    name: board.name,
    desc: board.desc,
    // Trello parses a non-empty description for emoji and sends the (usually empty) result; none for no description.
    descData: board.desc === "" ? null : { emoji: {} },
    closed: board.closed,
    idOrganization: null,
    idEnterprise: null,
    pinned: false,
    url: `${shortUrl}/${urlSlug(board.name)}`,
    shortUrl,
    prefs: prefs(board),
    labelNames: labelNames(labels),
    limits: null,
    shortLink: board.shortLink,
    powerUps: [],
    dateLastActivity: board.dateLastActivity,
    idTags: [],
    datePluginDisable: null,
    creationMethod: null,
    ixUpdate: null,
    enterpriseOwned: false,
    idBoardSource: null,
    starred: false,
    subscribed: false,
    dateLastView: board.dateLastActivity,
    templateGallery: null,
    premiumFeatures: [],
    memberships: board.memberships.map((membership) => ({ ...membership, unconfirmed: false, deactivated: false })),
  };
  return pickFields(full, fields, BOARD_DEFAULT_FIELDS);
}
