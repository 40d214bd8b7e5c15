import type { IdFactory } from "../model/object-id";
import type { SimAction, SimMember } from "../model/sim-model";
import type { SimStore } from "../model/sim-store";
import { invalidValue, notFound } from "./sim-error";

/** When something happened: a Date, an ISO string or ms since the epoch. Seeds pass past dates to write history. */
export type When = Date | string | number;

/** Who did it and when; both default (to the simulator's own member, and now). */
export interface Authorship {
  idMember?: string;
  at?: When;
}

export interface NewAction {
  type: string;
  idMemberCreator: string;
  data: Record<string, unknown>;
  idBoard: string | null;
  idMember?: string;
  at: number;
}

export type ActionListener = (action: SimAction) => void;

export interface SimContext {
  readonly store: SimStore;
  readonly newId: IdFactory;
  now(): number;
  /** The member that acts when a seed or request names none. */
  readonly defaultMemberId: () => string;
  /** Stores an action and tells every listener (webhook delivery) about it. */
  record(action: NewAction): SimAction;
  onAction(listener: ActionListener): () => void;
}

/** Builds the context the operations share: one store, one id factory, one clock. */
export function createSimContext(
  store: SimStore,
  newId: IdFactory,
  now: () => number,
  defaultMemberId: () => string,
): SimContext {
  const listeners = new Set<ActionListener>();
  return {
    store,
    newId,
    now,
    defaultMemberId,
    record(input) {
      const date = new Date(input.at).toISOString();
      const action: SimAction = {
        id: newId(input.at),
        idMemberCreator: input.idMemberCreator,
        type: input.type,
        date,
        data: input.data,
        idBoard: input.idBoard,
        ...(input.idMember ? { idMember: input.idMember } : {}),
      };
      store.actions.add(action);
      const board = input.idBoard ? store.boards.get(input.idBoard) : undefined;
      if (board && board.dateLastActivity < date) board.dateLastActivity = date;
      for (const listener of listeners) listener(action);
      return action;
    },
    onAction(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The instant of `at` in ms, or now. */
export function resolveWhen(ctx: SimContext, at: When | undefined): number {
  if (at === undefined) return ctx.now();
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms) || ms < 0) throw invalidValue("date");
  return ms;
}

/** The acting member, or the simulator's own. */
export function resolveActor(ctx: SimContext, idMember: string | undefined): SimMember {
  const member = ctx.store.members.get(idMember ?? ctx.defaultMemberId());
  if (!member) throw notFound("member");
  return member;
}
