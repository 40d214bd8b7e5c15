import type { SimAction, SimMember } from "../model/sim-model";
import type { SimStore } from "../model/sim-store";
import { actionDisplay } from "./action-display";
import { memberCreatorJson } from "./model-json";

export interface ActionJsonOptions {
  display: boolean;
  memberCreator: boolean;
  member: boolean;
  /** `{}` in REST responses, null in Trello's current webhook deliveries. */
  limits: Record<string, never> | null;
}

export const REST_ACTION_OPTIONS: ActionJsonOptions = { display: false, memberCreator: true, member: true, limits: {} };
export const DELIVERY_ACTION_OPTIONS: ActionJsonOptions = {
  display: true,
  memberCreator: true,
  member: true,
  limits: null,
};

/** Members are never deleted, but an action may name one from outside this simulator (fixtures). */
function memberOrPlaceholder(store: SimStore, id: string): SimMember {
  return store.members.get(id) ?? { id, username: "", fullName: "", initials: "" };
}

/** An action in the shape of Trello's (see the actions in test/fixtures/trello). */
export function actionJson(action: SimAction, store: SimStore, options: ActionJsonOptions): Record<string, unknown> {
  const creator = memberOrPlaceholder(store, action.idMemberCreator);
  const json: Record<string, unknown> = {
    id: action.id,
    idMemberCreator: action.idMemberCreator,
    data: structuredClone(action.data),
    appCreator: null,
    type: action.type,
    date: action.date,
    limits: options.limits === null ? null : {},
  };
  if (options.display) json.display = actionDisplay(action, creator);
  if (options.member && action.idMember) json.member = memberCreatorJson(memberOrPlaceholder(store, action.idMember));
  if (options.memberCreator) json.memberCreator = memberCreatorJson(creator);
  return json;
}
