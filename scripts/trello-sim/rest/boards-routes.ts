import { Router } from "express";
import { z } from "zod";
import { actionJson } from "../json/action-json";
import { boardJson } from "../json/board-json";
import { cardJson } from "../json/card-json";
import {
  boardMemberJson,
  checklistJson,
  customFieldItemJson,
  customFieldJson,
  labelJson,
  listJson,
  memberJson,
  pluginDataJson,
} from "../json/model-json";
import { pickFields } from "../json/pick-fields";
import type { SimCard, SimList } from "../model/sim-model";
import { queryActions } from "../model/query-actions";
import type { SimCore } from "../sim-core";
import { authOf, readableBoard } from "./access";
import { readActionQuery } from "./action-query";
import { booleanParam, numberParam, readParams } from "./read-params";
import { TrelloHttpError } from "./trello-http-error";

const listFilter = z.enum(["open", "closed", "all", "none"]);
const cardFilter = z.enum(["open", "visible", "closed", "all", "none"]);

/** Keeps the models a Trello `filter` asks for: open (or visible), closed, all or none. */
export function byFilter<T extends { closed: boolean }>(items: T[], filter: string): T[] {
  if (filter === "none") return [];
  if (filter === "all") return items;
  return items.filter((item) => item.closed === (filter === "closed"));
}

const cardsParams = z.object({
  filter: cardFilter.optional(),
  fields: z.string().optional(),
  pluginData: booleanParam.optional(),
  customFieldItems: booleanParam.optional(),
});

/** Cards as the board and list listings serve them, with the optional pluginData and customFieldItems arrays. */
export function listedCards(core: SimCore, idMember: string, cards: SimCard[], params: z.infer<typeof cardsParams>) {
  return cards
    .sort((a, b) => a.pos - b.pos)
    .map((card) => {
      const json = cardJson(card, core.store, { fields: params.fields, single: false });
      if (params.pluginData) json.pluginData = core.pluginData.pluginDataOf(card.id, idMember).map(pluginDataJson);
      if (params.customFieldItems)
        json.customFieldItems = core.store.customFieldItemsOf(card.id).map(customFieldItemJson);
      return json;
    });
}

/** GET/POST /1/boards…: the board, its lists, cards, members, labels, checklists, custom fields, pluginData and actions. */
export function boardsRoutes(core: SimCore): Router {
  const router = Router();
  const { store } = core;

  router.post("/boards", (req, res) => {
    const params = readParams(
      req,
      z.object({
        name: z.string().min(1).max(16384),
        desc: z.string().max(16384).optional(),
        defaultLabels: booleanParam.optional(),
        defaultLists: booleanParam.optional(),
      }),
    );
    const board = core.boards.createBoard({
      name: params.name,
      desc: params.desc,
      idMember: authOf(res).member.id,
      defaultLabels: params.defaultLabels,
      lists: params.defaultLists === false ? [] : ["To Do", "Doing", "Done"],
    });
    res.json(boardJson(board, store.labelsOf(board.id)));
  });

  router.get("/boards/:id", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const { fields } = readParams(req, z.object({ fields: z.string().optional() }));
    res.json(boardJson(board, store.labelsOf(board.id), fields));
  });

  router.get("/boards/:id/lists{/:filter}", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const params = readParams(
      req,
      z.object({ filter: listFilter.optional(), cards: cardFilter.optional(), fields: z.string().optional() }),
    );
    const filter = req.params.filter ?? params.filter ?? "open";
    if (!listFilter.safeParse(filter).success) throw new TrelloHttpError(400, "invalid value for filter");
    const lists = byFilter(store.listsOf(board.id), filter);
    const cards =
      params.cards && params.cards !== "none"
        ? byFilter(store.cardsOf(board.id), params.cards === "visible" ? "open" : params.cards)
        : undefined;
    res.json(
      lists.map((list: SimList) => {
        const json = pickFields(listJson(list), params.fields, Object.keys(listJson(list)));
        if (cards)
          json.cards = listedCards(
            core,
            authOf(res).member.id,
            cards.filter((card) => card.idList === list.id),
            {},
          );
        return json;
      }),
    );
  });

  router.get("/boards/:id/cards{/:filter}", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const params = readParams(req, cardsParams);
    const filter = req.params.filter ?? params.filter ?? "visible";
    if (!cardFilter.safeParse(filter).success) throw new TrelloHttpError(400, "invalid value for filter");
    let cards = byFilter(store.cardsOf(board.id), filter === "visible" ? "open" : filter);
    // "visible" (the default) also leaves out open cards whose list is archived; "open" keeps them.
    if (filter === "visible") cards = cards.filter((card) => !store.lists.get(card.idList)?.closed);
    res.json(listedCards(core, authOf(res).member.id, cards, params));
  });

  router.get("/boards/:id/members", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const { fields } = readParams(req, z.object({ fields: z.string().optional() }));
    const members = board.memberships.map((membership) => store.members.get(membership.idMember)!);
    res.json(
      members.map((member) =>
        fields ? pickFields(memberJson(member, core.boardsOf(member.id)), fields, []) : boardMemberJson(member),
      ),
    );
  });

  router.get("/boards/:id/labels", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const params = readParams(
      req,
      z.object({
        fields: z.string().optional(),
        limit: numberParam.pipe(z.number().int().min(0).max(1000)).optional(),
      }),
    );
    const labels = store.labelsOf(board.id).slice(0, params.limit ?? 50);
    res.json(labels.map((label) => pickFields(labelJson(label), params.fields, ["id", "idBoard", "name", "color"])));
  });

  router.get("/boards/:id/checklists", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const checklists = store
      .cardsOf(board.id)
      .flatMap((card) => card.idChecklists.map((id) => store.checklists.get(id)!));
    res.json(checklists.map(checklistJson));
  });

  router.get("/boards/:id/customFields", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    res.json(store.customFieldsOf(board.id).map(customFieldJson));
  });

  router.get("/boards/:id/pluginData", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const { idPlugin } = readParams(req, z.object({ idPlugin: z.string().optional() }));
    res.json(core.pluginData.pluginDataOf(board.id, authOf(res).member.id, idPlugin).map(pluginDataJson));
  });

  router.get("/boards/:id/actions", (req, res) => {
    const board = readableBoard(core, res, req.params.id);
    const { query, options } = readActionQuery(req, "all");
    res.json(queryActions(store.actions.forBoard(board.id), query).map((action) => actionJson(action, store, options)));
  });

  return router;
}
