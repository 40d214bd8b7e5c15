import express, { Router, type ErrorRequestHandler, type Request } from "express";
import { z } from "zod";
import { SimError } from "../operations/sim-error";
import type { SimulatorApi } from "../simulator-api";

/** Refusals of the admin API, in the project's error shape `{error: {code, message}}`. */
class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function body<Schema extends z.ZodType>(req: Request, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(req.method === "GET" ? req.query : (req.body ?? {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AdminError(400, "INVALID", `${issue.path.join(".") || "body"}: ${issue.message}`);
}

const when = z.union([z.string(), z.number()]).optional();
const authorship = { idMember: z.string().optional(), at: when };
const target = {
  scope: z.enum(["board", "card", "member", "organization"]),
  idModel: z.string(),
  visibility: z.enum(["shared", "private"]).optional(),
  idPlugin: z.string().optional(),
  idMember: z.string().optional(),
};

const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof AdminError)
    return void res.status(err.status).json({ error: { code: err.code, message: err.message } });
  if (err instanceof SimError) {
    const status = err.kind === "not-found" ? 404 : err.kind === "forbidden" ? 403 : 400;
    return void res
      .status(status)
      .json({ error: { code: err.kind === "not-found" ? "NOT_FOUND" : "INVALID", message: err.message } });
  }
  if (err instanceof RangeError) return void res.status(400).json({ error: { code: "INVALID", message: err.message } });
  const status = typeof err?.status === "number" && err.status < 500 ? err.status : 500;
  res.status(status).json({
    error: {
      code: status === 500 ? "INTERNAL" : "BAD_REQUEST",
      message: err instanceof Error ? err.message : String(err),
    },
  });
};

/**
 * /_sim/: seeding and controls for another process (the demo's dev host page): members and tokens, back-dated
 * boards, lists, cards and comments, t.set / t.get, member JWTs, faults, rate limits and webhook delivery.
 * It is a development tool with no authentication: the CLI binds to 127.0.0.1 unless told otherwise.
 */
export function createAdminRouter(sim: SimulatorApi): Router {
  const router = Router();
  router.use(express.json({ limit: "1mb" }));

  router.get("/info", (_req, res) => void res.json({ ...sim.info(), pluginId: sim.pluginId }));

  router.post("/members", (req, res) => {
    res
      .status(201)
      .json(
        sim.createMember(body(req, z.object({ username: z.string().optional(), fullName: z.string().optional() }))),
      );
  });
  router.post("/tokens", (req, res) => {
    res.status(201).json({ token: sim.createToken(body(req, z.object({ idMember: z.string() })).idMember) });
  });

  router.post("/boards", (req, res) => {
    const input = body(
      req,
      z.object({ name: z.string(), desc: z.string().optional(), lists: z.array(z.string()).optional(), ...authorship }),
    );
    res.status(201).json(sim.createBoard(input));
  });
  router.post("/boards/:id/members", (req, res) => {
    const input = body(
      req,
      z.object({
        idMemberAdded: z.string(),
        memberType: z.enum(["admin", "normal", "observer"]).optional(),
        ...authorship,
      }),
    );
    res.status(201).json(sim.addMemberToBoard(req.params.id, input.idMemberAdded, input));
  });
  router.post("/lists", (req, res) => {
    const input = body(
      req,
      z.object({ idBoard: z.string(), name: z.string(), pos: z.number().optional(), ...authorship }),
    );
    res.status(201).json(sim.createList(input.idBoard, input));
  });
  router.post("/cards", (req, res) => {
    const input = body(
      req,
      z.object({
        idList: z.string(),
        name: z.string(),
        desc: z.string().optional(),
        due: z.string().nullable().optional(),
        ...authorship,
      }),
    );
    res.status(201).json(sim.createCard(input.idList, input));
  });
  router.put("/cards/:id", (req, res) => {
    const changes = body(
      req,
      z.object({
        name: z.string().optional(),
        desc: z.string().optional(),
        idList: z.string().optional(),
        idBoard: z.string().optional(),
        closed: z.boolean().optional(),
        due: z.string().nullable().optional(),
        dueComplete: z.boolean().optional(),
        pos: z.union([z.number(), z.literal("top"), z.literal("bottom")]).optional(),
        ...authorship,
      }),
    );
    res.json(sim.updateCard(req.params.id, changes));
  });
  router.delete("/cards/:id", (req, res) => {
    res.json(sim.deleteCard(req.params.id, body(req, z.object(authorship))));
  });
  router.post("/cards/:id/comments", (req, res) => {
    const input = body(req, z.object({ text: z.string(), ...authorship }));
    res.status(201).json(sim.addComment(req.params.id, input.text, input));
  });

  router.put("/plugin-data", (req, res) => {
    // `remove` is t.remove: JSON cannot carry the `undefined` that deletes a key in setPluginData.
    const input = body(
      req,
      z.object({ ...target, data: z.record(z.string(), z.unknown()), remove: z.array(z.string()).optional() }),
    );
    const removed = Object.fromEntries((input.remove ?? []).map((key) => [key, undefined]));
    res.json(sim.setPluginData(input, { ...input.data, ...removed }));
  });
  router.get("/plugin-data", (req, res) => void res.json(sim.getPluginData(body(req, z.object(target)))));

  router.post("/jwt", async (req, res) => {
    const input = body(
      req,
      z.object({
        idBoard: z.string(),
        idMember: z.string().optional(),
        idPlugin: z.string().optional(),
        state: z.string().optional(),
        expired: z.boolean().optional(),
      }),
    );
    res.status(201).json({ jwt: await sim.mintJwt(input) });
  });
  router.post("/jwt/rotate", (req, res) => {
    sim.rotateJwtKey(body(req, z.object({ keepPrevious: z.boolean().optional() })));
    res.json({ keys: sim.jwtPublicKeys() });
  });

  const share = z.number().min(0).max(1).optional();
  const count = z.number().int().min(0).optional();
  router.put("/faults", (req, res) => {
    const faults = body(
      req,
      z.object({
        seed: z.number().int().optional(),
        latencyMs: count,
        errorRate: share,
        nextErrors: count,
        errorStatus: z.number().int().optional(),
        dropRate: share,
        nextDrops: count,
        next429s: count,
      }),
    );
    sim.setFaults(faults);
    res.json(sim.faults());
  });
  router.delete("/faults", (_req, res) => {
    sim.clearFaults();
    res.json(sim.faults());
  });
  router.put("/rate-limits", (req, res) => {
    const positive = z.number().int().positive().optional();
    const limits = z.object({
      enabled: z.boolean().optional(),
      intervalMs: positive,
      keyMax: positive,
      tokenMax: positive,
      keyPenaltyThreshold: positive,
    });
    sim.setRateLimits(body(req, limits));
    res.json(sim.rateLimits());
  });
  router.put("/webhook-delivery", (req, res) => {
    const ms = z.number().int().min(0).optional();
    sim.configureWebhookDelivery(
      body(
        req,
        z.object({
          timeoutMs: ms,
          retryDelaysMs: z.array(z.number().int().min(0)).optional(),
          deactivateAfterFailures: ms,
          deactivateAfterMs: ms,
        }),
      ),
    );
    res.json(sim.webhookDelivery());
  });
  router.post("/webhooks/pause", (_req, res) => {
    sim.pauseDeliveries();
    res.json({ paused: true, pending: sim.pendingDeliveries() });
  });
  router.post("/webhooks/resume", (req, res) => {
    sim.resumeDeliveries(body(req, z.object({ reverse: z.boolean().optional() })));
    res.json({ paused: false });
  });
  router.get("/webhooks/pending", (_req, res) => void res.json(sim.pendingDeliveries()));
  router.post("/webhooks/idle", async (_req, res) => {
    await sim.idle();
    res.json({ pending: sim.pendingDeliveries() });
  });

  router.use((req) => {
    throw new AdminError(404, "NOT_FOUND", `No route for ${req.method} ${req.baseUrl}${req.path}`);
  });
  router.use(errorHandler);
  return router;
}
