import { Router } from "express";
import { z } from "zod";
import { actionJson, REST_ACTION_OPTIONS } from "../json/action-json";
import { cardJson } from "../json/card-json";
import { checklistJson, customFieldItemJson, memberCreatorJson, pluginDataJson } from "../json/model-json";
import type { SimCard } from "../model/sim-model";
import { queryActions } from "../model/query-actions";
import type { SimCore } from "../sim-core";
import { authOf, checkId, readableBoard, readableCard, readableList } from "./access";
import { readActionQuery } from "./action-query";
import { booleanParam, idListParam, nullableDateParam, posParam, readParams } from "./read-params";
import { TrelloHttpError } from "./trello-http-error";

const cardParams = z.object({
  fields: z.string().optional(),
  pluginData: booleanParam.optional(),
  customFieldItems: booleanParam.optional(),
  checklists: z.enum(["all", "none"]).optional(),
});

const objectId = z.string().regex(/^[0-9a-f]{24}$/);

const changeParams = z.object({
  name: z.string().max(16384).optional(),
  desc: z.string().max(16384).optional(),
  idList: objectId.optional(),
  idBoard: objectId.optional(),
  closed: booleanParam.optional(),
  due: nullableDateParam.optional(),
  dueComplete: booleanParam.optional(),
  pos: posParam.optional(),
});

/** GET/POST/PUT/DELETE /1/cards…: cards and what hangs off them (comments, members, labels, checklists, pluginData). */
export function cardsRoutes(core: SimCore): Router {
  const router = Router();
  const { store } = core;
  const actor = (res: Parameters<typeof authOf>[0]) => ({ idMember: authOf(res).member.id });

  function single(card: SimCard, params: z.infer<typeof cardParams>, idMember: string) {
    const json = cardJson(card, store, { fields: params.fields, single: true });
    if (params.pluginData) json.pluginData = core.pluginData.pluginDataOf(card.id, idMember).map(pluginDataJson);
    if (params.customFieldItems) json.customFieldItems = store.customFieldItemsOf(card.id).map(customFieldItemJson);
    if (params.checklists === "all")
      json.checklists = card.idChecklists.map((id) => checklistJson(store.checklists.get(id)!));
    return json;
  }

  const membersOf = (card: SimCard) => card.idMembers.map((id) => memberCreatorJson(store.members.get(id)!));

  router.post("/cards", (req, res) => {
    const params = readParams(
      req,
      changeParams.extend({ idList: objectId, idMembers: idListParam.optional(), idLabels: idListParam.optional() }),
    );
    readableList(core, res, params.idList);
    const card = core.cards.createCard(params.idList, { ...params, name: params.name ?? "", ...actor(res) });
    res.json(single(card, {}, authOf(res).member.id));
  });

  router.get("/cards/:id", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    res.json(single(card, readParams(req, cardParams), authOf(res).member.id));
  });

  router.put("/cards/:id", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    const params = readParams(req, changeParams);
    // Moving a card needs access to where it goes, as well as to the card.
    if (params.idBoard !== undefined && store.boards.has(params.idBoard)) readableBoard(core, res, params.idBoard);
    core.cards.updateCard(card.id, { ...params, ...actor(res) });
    res.json(single(card, {}, authOf(res).member.id));
  });

  router.delete("/cards/:id", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    core.cards.deleteCard(card.id, actor(res));
    res.json({ limits: {} });
  });

  router.get("/cards/:id/pluginData", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    res.json(core.pluginData.pluginDataOf(card.id, authOf(res).member.id).map(pluginDataJson));
  });

  router.get("/cards/:id/customFieldItems", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    res.json(store.customFieldItemsOf(card.id).map(customFieldItemJson));
  });

  router.get("/cards/:id/checklists", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    res.json(card.idChecklists.map((id) => checklistJson(store.checklists.get(id)!)));
  });

  router.get("/cards/:id/actions", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    // Trello's default for a card's actions is its comments and list moves.
    const { query, options } = readActionQuery(req, "commentCard,updateCard:idList");
    res.json(queryActions(store.actions.forCard(card.id), query).map((action) => actionJson(action, store, options)));
  });

  router.post("/cards/:id/actions/comments", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    const { text } = readParams(req, z.object({ text: z.string().min(1).max(16384) }));
    const action = core.details.addComment(card.id, text, actor(res));
    res.json(actionJson(action, store, { ...REST_ACTION_OPTIONS, display: true }));
  });

  router.post("/cards/:id/idMembers", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    const { value } = readParams(req, z.object({ value: z.string() }));
    checkId(value);
    core.details.addMemberToCard(card.id, value, actor(res));
    res.json(membersOf(card));
  });

  router.delete("/cards/:id/idMembers/:idMember", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    checkId(req.params.idMember);
    if (!card.idMembers.includes(req.params.idMember)) throw new TrelloHttpError(400, "member is not on the card");
    core.details.removeMemberFromCard(card.id, req.params.idMember, actor(res));
    res.json(membersOf(card));
  });

  router.post("/cards/:id/idLabels", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    const { value } = readParams(req, z.object({ value: z.string() }));
    checkId(value);
    core.details.addLabelToCard(card.id, value, actor(res));
    res.json([...card.idLabels]);
  });

  router.delete("/cards/:id/idLabels/:idLabel", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    checkId(req.params.idLabel);
    core.details.removeLabelFromCard(card.id, req.params.idLabel, actor(res));
    res.json([...card.idLabels]);
  });

  router.put("/cards/:id/checkItem/:idCheckItem", (req, res) => {
    const card = readableCard(core, res, req.params.id);
    const { state } = readParams(req, z.object({ state: z.enum(["complete", "incomplete"]) }));
    core.details.setCheckItemState(card.id, req.params.idCheckItem, state, actor(res));
    const items = card.idChecklists.flatMap(
      (id) => checklistJson(store.checklists.get(id)!).checkItems as { id: string }[],
    );
    res.json(items.find((item) => item.id === req.params.idCheckItem));
  });

  return router;
}
