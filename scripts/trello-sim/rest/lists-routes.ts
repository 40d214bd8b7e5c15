import { Router } from "express";
import { z } from "zod";
import { listJson } from "../json/model-json";
import { pickFields } from "../json/pick-fields";
import type { SimCore } from "../sim-core";
import { authOf, readableBoard, readableList } from "./access";
import { byFilter, listedCards } from "./boards-routes";
import { booleanParam, posParam, readParams } from "./read-params";

const LIST_FIELDS = ["id", "name", "closed", "pos", "softLimit", "idBoard", "subscribed"];

/** GET/POST/PUT /1/lists…: lists and their cards. */
export function listsRoutes(core: SimCore): Router {
  const router = Router();

  router.post("/lists", (req, res) => {
    const params = readParams(
      req,
      z.object({ name: z.string().min(1).max(16384), idBoard: z.string(), pos: posParam.optional() }),
    );
    const board = readableBoard(core, res, params.idBoard);
    const list = core.boards.createList(board.id, {
      name: params.name,
      pos: params.pos,
      idMember: authOf(res).member.id,
    });
    res.json(listJson(list));
  });

  router.get("/lists/:id", (req, res) => {
    const list = readableList(core, res, req.params.id);
    const { fields } = readParams(req, z.object({ fields: z.string().optional() }));
    res.json(pickFields(listJson(list), fields, LIST_FIELDS));
  });

  router.put("/lists/:id", (req, res) => {
    const list = readableList(core, res, req.params.id);
    const params = readParams(
      req,
      z.object({
        name: z.string().min(1).max(16384).optional(),
        closed: booleanParam.optional(),
        pos: posParam.optional(),
      }),
    );
    core.boards.updateList(list.id, { ...params, idMember: authOf(res).member.id });
    res.json(listJson(list));
  });

  router.get("/lists/:id/cards", (req, res) => {
    const list = readableList(core, res, req.params.id);
    const params = readParams(
      req,
      z.object({
        filter: z.enum(["open", "closed", "all", "none"]).optional(),
        fields: z.string().optional(),
        pluginData: booleanParam.optional(),
        customFieldItems: booleanParam.optional(),
      }),
    );
    const cards = byFilter(
      core.store.cardsOf(list.idBoard).filter((card) => card.idList === list.id),
      params.filter ?? "open",
    );
    res.json(listedCards(core, authOf(res).member.id, cards, params));
  });

  return router;
}
