import { Router, type Response } from "express";
import { z } from "zod";
import { labelJson } from "../json/model-json";
import type { SimCore } from "../sim-core";
import { authOf, readableBoard } from "./access";
import { readParams } from "./read-params";

/** Trello's label colours (and none: a label without colour). */
const LABEL_COLORS = ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"] as const;
const KNOWN_COLORS = new Set<string>([
  "null",
  ...LABEL_COLORS.flatMap((color) => [color, `${color}_dark`, `${color}_light`]),
]);
const colorParam = z.string().refine((color) => KNOWN_COLORS.has(color), "invalid value for color");

/** POST /1/labels and POST /1/boards/{id}/labels: a new label on a board, answered as Trello does. */
export function labelsRoutes(core: SimCore): Router {
  const router = Router();
  const create = (idBoard: string, params: { name?: string; color?: string }, res: Response) => {
    const board = readableBoard(core, res, idBoard);
    const color = params.color === undefined || params.color === "null" ? null : params.color;
    return labelJson(
      core.boards.createLabel(board.id, { name: params.name ?? "", color, idMember: authOf(res).member.id }),
    );
  };

  router.post("/labels", (req, res) => {
    const params = readParams(
      req,
      z.object({ name: z.string().max(16384).optional(), color: colorParam, idBoard: z.string() }),
    );
    res.json(create(params.idBoard, params, res));
  });
  router.post("/boards/:id/labels", (req, res) => {
    const params = readParams(req, z.object({ name: z.string().max(16384).optional(), color: colorParam.optional() }));
    res.json(create(req.params.id, params, res));
  });
  return router;
}
