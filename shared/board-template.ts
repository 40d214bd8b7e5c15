import { REPORTS_LIST_NAME } from "./is-non-work-list-name";
import { listNameCore } from "./list-name-core";

/** The list sprint cards go in ("Plan sprint" creates it when the board lacks it). */
export const SPRINT_LIST_NAME = "Sprint";

/** The lists the Stakeholder Loop workflow runs on, left to right. */
export const TEMPLATE_LISTS = [
  "Stakeholders",
  "Scope",
  "Backlog",
  SPRINT_LIST_NAME,
  "In progress",
  "Review",
  "Done",
  REPORTS_LIST_NAME,
] as const;

/** Lists where committed work is under way (the board setting `workLists`), and where it is finished (`doneLists`). */
export const TEMPLATE_WORK_LISTS = [SPRINT_LIST_NAME, "In progress", "Review"] as const;
export const TEMPLATE_DONE_LISTS = ["Done"] as const;

/** The labels the workflow puts on cards, in Trello's label colours. */
export const TEMPLATE_LABELS = [
  { name: "Client", color: "blue" },
  { name: "Partner", color: "purple" },
  { name: "Change request", color: "orange" },
  { name: "Out of scope", color: "black" },
  { name: "Milestone", color: "green" },
  { name: "Invoice", color: "yellow" },
  { name: "Escalation", color: "red" },
] as const;

export interface TemplateBoard {
  lists: { id: string; name: string; closed?: boolean }[];
  labels: { name: string; color: string | null }[];
}

export interface TemplatePlan {
  /** Lists to create, in the workflow's order (each at the bottom of the board). */
  lists: string[];
  labels: { name: string; color: string }[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The open list with this name, as every Loop rule reads list names (case, surrounding space and emoji ignored). */
export function listNamed<L extends { name: string; closed?: boolean }>(
  lists: readonly L[],
  name: string,
): L | undefined {
  return lists.find((list) => !list.closed && listNameCore(list.name) === listNameCore(name));
}

/** The open list of the board with the template's name. */
export function templateList(board: TemplateBoard, name: string): { id: string; name: string } | undefined {
  return listNamed(board.lists, name);
}

/**
 * What "Set up this board" still has to create: the template's lists and labels the board lacks (matched by name;
 * an archived list does not count). A board set up already gets an empty plan, so setting up twice changes nothing.
 */
export function planBoardTemplate(board: TemplateBoard): TemplatePlan {
  return {
    lists: TEMPLATE_LISTS.filter((name) => !templateList(board, name)),
    labels: TEMPLATE_LABELS.filter((label) => !board.labels.some((existing) => same(existing.name, label.name))).map(
      (label) => ({ ...label }),
    ),
  };
}

/**
 * The board settings after setup: the template's done lists, work lists and time zone on top of the current
 * settings (`current` untouched where setup has nothing to say). `timezone` is kept when one is set already.
 */
export function templateSettings<S extends { doneLists: string[]; timezone?: string }>(
  current: S,
  board: TemplateBoard,
  timezone: string,
): S & { workLists: string[] } {
  const ids = (names: readonly string[]) =>
    names.map((name) => templateList(board, name)?.id).filter((id): id is string => id !== undefined);
  return {
    ...current,
    timezone: current.timezone ?? timezone,
    doneLists: ids(TEMPLATE_DONE_LISTS),
    workLists: ids(TEMPLATE_WORK_LISTS),
  };
}
