import { z } from "zod";

/** The REST response shapes the service reads (see test/fixtures/trello/rest__*.json); unknown fields pass. */
export const memberSchema = z.looseObject({
  id: z.string(),
  username: z.string().nullish(),
  fullName: z.string().nullish(),
});

export const membershipSchema = z.looseObject({ idMember: z.string(), memberType: z.string() });

export const boardSchema = z.looseObject({ id: z.string(), name: z.string().nullish(), closed: z.boolean().nullish() });

export const listSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  closed: z.boolean().nullish(),
  pos: z.number().nullish(),
  idBoard: z.string().nullish(),
});

export const pluginDataSchema = z.looseObject({
  id: z.string(),
  idPlugin: z.string(),
  scope: z.string(),
  idModel: z.string(),
  /** Trello stores the value as a JSON string. */
  value: z.string(),
  access: z.string().nullish(),
});

export const cardSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  idList: z.string().nullish(),
  idBoard: z.string().nullish(),
  closed: z.boolean().nullish(),
  due: z.string().nullish(),
  pos: z.number().nullish(),
  idShort: z.number().nullish(),
  shortLink: z.string().nullish(),
  pluginData: z.array(pluginDataSchema).nullish(),
});

export const webhookSchema = z.looseObject({
  id: z.string(),
  idModel: z.string(),
  callbackURL: z.string(),
  active: z.boolean().nullish(),
  description: z.string().nullish(),
  /** Failed deliveries in a row; Trello switches a webhook off (`active: false`) after many of them. */
  consecutiveFailures: z.number().nullish(),
  firstConsecutiveFailDate: z.string().nullish(),
});

export type TrelloMember = z.infer<typeof memberSchema>;
export type TrelloMembership = z.infer<typeof membershipSchema>;
export type TrelloBoard = z.infer<typeof boardSchema>;
export const labelSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  color: z.string().nullish(),
});

export type TrelloList = z.infer<typeof listSchema>;
export type TrelloLabel = z.infer<typeof labelSchema>;
export type TrelloCard = z.infer<typeof cardSchema>;
export type TrelloPluginData = z.infer<typeof pluginDataSchema>;
export type TrelloWebhook = z.infer<typeof webhookSchema>;
