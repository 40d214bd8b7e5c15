/** The simulator's own records. REST and webhook JSON are derived from these by the json/ serializers. */

export interface SimMember {
  id: string;
  username: string;
  fullName: string;
  initials: string;
}

export interface SimToken {
  /** The token's own ObjectId (what GET /1/tokens/{token} calls `id`), not the secret token string. */
  id: string;
  token: string;
  idMember: string;
  identifier: string;
  dateCreated: string;
}

export interface SimBoard {
  id: string;
  name: string;
  desc: string;
  closed: boolean;
  shortLink: string;
  memberships: { id: string; idMember: string; memberType: "admin" | "normal" | "observer" }[];
  background: string;
  dateLastActivity: string;
  /** Cards get increasing short ids per board, as on Trello. */
  nextIdShort: number;
}

export interface SimList {
  id: string;
  idBoard: string;
  name: string;
  closed: boolean;
  pos: number;
}

export interface SimCard {
  id: string;
  idBoard: string;
  idList: string;
  name: string;
  desc: string;
  closed: boolean;
  pos: number;
  due: string | null;
  dueComplete: boolean;
  idShort: number;
  shortLink: string;
  idMembers: string[];
  idLabels: string[];
  idChecklists: string[];
  comments: number;
  dateLastActivity: string;
}

export interface SimLabel {
  id: string;
  idBoard: string;
  name: string;
  /** Trello labels may have no colour: the key is then absent from action data. */
  color: string | null;
}

export interface SimCheckItem {
  id: string;
  idChecklist: string;
  name: string;
  state: "complete" | "incomplete";
  pos: number;
  due: string | null;
  idMember: string | null;
}

export interface SimChecklist {
  id: string;
  idBoard: string;
  idCard: string;
  name: string;
  pos: number;
  checkItems: SimCheckItem[];
}

export type CustomFieldType = "text" | "number" | "date" | "checkbox" | "list";

export interface SimCustomFieldOption {
  id: string;
  idCustomField: string;
  value: { text: string };
  color: string;
  pos: number;
}

export interface SimCustomField {
  id: string;
  idModel: string;
  name: string;
  type: CustomFieldType;
  pos: number;
  fieldGroup: string;
  options: SimCustomFieldOption[];
}

export interface SimCustomFieldItem {
  id: string;
  idCustomField: string;
  idModel: string;
  /** `{text}`, `{number}`, `{date}` or `{checked}` (all strings, as Trello stores them); absent for list fields. */
  value?: Record<string, string>;
  idValue?: string;
}

export type PluginDataScope = "board" | "card" | "member" | "organization";
export type PluginDataAccess = "shared" | "private";

export interface SimPluginData {
  id: string;
  idPlugin: string;
  scope: PluginDataScope;
  idModel: string;
  access: PluginDataAccess;
  /** The member a private record belongs to; null for shared records. */
  idMember: string | null;
  value: Record<string, unknown>;
}

/** The `data` of an action, exactly as it is served. */
export type ActionData = Record<string, unknown>;

export interface SimAction {
  id: string;
  idMemberCreator: string;
  type: string;
  date: string;
  data: ActionData;
  /** The board whose history holds this action (null for actions outside any board). */
  idBoard: string | null;
  /** The member an action is about (`member` at the top level of addMemberTo* actions). */
  idMember?: string;
}

export interface SimWebhook {
  id: string;
  token: string;
  idModel: string;
  callbackURL: string;
  description: string;
  active: boolean;
  consecutiveFailures: number;
  firstConsecutiveFailDate: string | null;
}
