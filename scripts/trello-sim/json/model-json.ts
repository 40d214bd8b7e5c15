import type {
  SimChecklist,
  SimCustomField,
  SimCustomFieldItem,
  SimLabel,
  SimList,
  SimMember,
  SimPluginData,
  SimToken,
  SimWebhook,
} from "../model/sim-model";

/** The small models, each in the shape of Trello's REST responses in test/fixtures/trello. */

export function listJson(list: SimList): Record<string, unknown> {
  return {
    id: list.id,
    name: list.name,
    closed: list.closed,
    pos: list.pos,
    softLimit: null,
    idBoard: list.idBoard,
    subscribed: false,
  };
}

export function labelJson(label: SimLabel): Record<string, unknown> {
  return { id: label.id, idBoard: label.idBoard, name: label.name, color: label.color };
}

export function checklistJson(checklist: SimChecklist): Record<string, unknown> {
  return {
    id: checklist.id,
    name: checklist.name,
    idCard: checklist.idCard,
    pos: checklist.pos,
    idBoard: checklist.idBoard,
    checkItems: checklist.checkItems.map((item) => ({
      idChecklist: item.idChecklist,
      state: item.state,
      idMember: item.idMember,
      id: item.id,
      name: item.name,
      nameData: null,
      pos: item.pos,
      due: item.due,
    })),
  };
}

export function customFieldJson(field: SimCustomField): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: field.id,
    idModel: field.idModel,
    modelType: "board",
    fieldGroup: field.fieldGroup,
    display: { cardFront: true },
    name: field.name,
    pos: field.pos,
  };
  if (field.type === "list") json.options = field.options.map((option) => ({ ...option, value: { ...option.value } }));
  json.type = field.type;
  return json;
}

export function customFieldItemJson(item: SimCustomFieldItem): Record<string, unknown> {
  const json: Record<string, unknown> = { id: item.id };
  if (item.value) json.value = { ...item.value };
  if (item.idValue) json.idValue = item.idValue;
  return { ...json, idCustomField: item.idCustomField, idModel: item.idModel, modelType: "card" };
}

/** pluginData as REST serves it: `value` is the JSON **string** the iframe stored. */
export function pluginDataJson(record: SimPluginData): Record<string, unknown> {
  return {
    id: record.id,
    idPlugin: record.idPlugin,
    scope: record.scope,
    idModel: record.idModel,
    value: JSON.stringify(record.value),
    access: record.access,
  };
}

/** A member as it appears inside actions (`memberCreator`, `member`). */
export function memberCreatorJson(member: SimMember): Record<string, unknown> {
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: null,
    avatarUrl: null,
    fullName: member.fullName,
    idMemberReferrer: null,
    initials: member.initials,
    nonPublic: {},
    nonPublicAvailable: true,
    username: member.username,
  };
}

/** GET /1/members/{id}: the member's profile; `idBoards` lists the boards they belong to. */
export function memberJson(member: SimMember, idBoards: string[]): Record<string, unknown> {
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: null,
    avatarUrl: null,
    bio: "",
    bioData: null,
    confirmed: true,
    fullName: member.fullName,
    idEnterprise: null,
    idEnterprisesDeactivated: [],
    idMemberReferrer: null,
    idPremOrgsAdmin: [],
    initials: member.initials,
    memberType: "normal",
    nonPublic: {},
    nonPublicAvailable: true,
    products: [],
    url: `https://trello.com/${member.username}`,
    username: member.username,
    status: "disconnected",
    idBoards,
    idOrganizations: [],
  };
}

/** A member in a board's member list: Trello's default there is only id, username and fullName. */
export function boardMemberJson(member: SimMember): Record<string, unknown> {
  return { id: member.id, username: member.username, fullName: member.fullName };
}

export function tokenJson(token: SimToken): Record<string, unknown> {
  return {
    id: token.id,
    identifier: token.identifier,
    idMember: token.idMember,
    dateCreated: token.dateCreated,
    dateExpires: null,
    permissions: [
      { idModel: "*", modelType: "Board", read: true, write: true },
      { idModel: "*", modelType: "Organization", read: true, write: true },
    ],
  };
}

export function webhookJson(webhook: SimWebhook): Record<string, unknown> {
  return {
    id: webhook.id,
    description: webhook.description,
    idModel: webhook.idModel,
    callbackURL: webhook.callbackURL,
    active: webhook.active,
    consecutiveFailures: webhook.consecutiveFailures,
    firstConsecutiveFailDate: webhook.firstConsecutiveFailDate,
  };
}
