import { z } from "zod";

/**
 * Trello action payloads, as webhooks deliver them and as `/1/boards/{id}/actions` returns them.
 * Tolerant of every field we do not use (Trello adds fields over the years); strict about the ones we do.
 */
const id = z.string().min(1);

const ref = z.looseObject({ id });
const namedRef = z.looseObject({ id, name: z.string().nullish() });

const cardRef = z.looseObject({
  id,
  name: z.string().nullish(),
  idList: z.string().nullish(),
  closed: z.boolean().nullish(),
  due: z.string().nullish(),
  pos: z.number().nullish(),
  idShort: z.number().nullish(),
  shortLink: z.string().nullish(),
});

const listRef = z.looseObject({
  id,
  name: z.string().nullish(),
  closed: z.boolean().nullish(),
  pos: z.number().nullish(),
});

const memberRef = z.looseObject({
  id,
  username: z.string().nullish(),
  fullName: z.string().nullish(),
});

export const trelloActionDataSchema = z.looseObject({
  board: namedRef.nullish(),
  boardSource: ref.nullish(),
  boardTarget: ref.nullish(),
  card: cardRef.nullish(),
  list: listRef.nullish(),
  listBefore: namedRef.nullish(),
  listAfter: namedRef.nullish(),
  old: z.record(z.string(), z.unknown()).nullish(),
  idMember: z.string().nullish(),
  member: z.looseObject({ id, name: z.string().nullish() }).nullish(),
  text: z.string().nullish(),
});

export const trelloActionSchema = z.looseObject({
  id,
  type: z.string().min(1),
  date: z.iso.datetime({ offset: true }),
  idMemberCreator: z.string().nullish(),
  memberCreator: memberRef.nullish(),
  member: memberRef.nullish(),
  data: trelloActionDataSchema,
});

export type TrelloAction = z.infer<typeof trelloActionSchema>;

/** A webhook delivery: `{action, model}` always, `webhook` only on deliveries since about 2018. */
export const webhookDeliverySchema = z.looseObject({
  action: trelloActionSchema,
  model: z.looseObject({ id, name: z.string().nullish() }),
  webhook: z.looseObject({ id, idModel: z.string().nullish(), callbackURL: z.string().nullish() }).nullish(),
});

export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
