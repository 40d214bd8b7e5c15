import { planBoardTemplate, templateSettings, type TemplateBoard } from "../../shared/board-template";
import { defaultBoardSettings } from "../../shared/loop/board-settings";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { readScope, saveRecord } from "../lib/loop-data";
import { trelloWrite, type TrelloWriteFailure } from "../lib/trello-write";

export type SetUpResult = { ok: true; lists: string[]; labels: string[] } | TrelloWriteFailure;

/**
 * "Set up this board": creates the workflow's lists (each at the bottom, in order) and labels that the board
 * lacks, with the member's REST token, then saves the board settings (done lists, work lists, time zone). What
 * exists is left alone, so running it again changes nothing.
 */
export async function setUpBoard(t: Trello.PowerUp.IFrame): Promise<SetUpResult> {
  const [board, lists] = await Promise.all([t.board("id", "labels"), t.lists("id", "name")]);
  const current: TemplateBoard = {
    lists: lists.map((list) => ({ id: list.id, name: list.name })),
    labels: ((board as { labels?: { name: string; color: string | null }[] }).labels ?? []).map((label) => ({
      name: label.name,
      color: label.color,
    })),
  };
  const plan = planBoardTemplate(current);
  for (const name of plan.lists) {
    const made = await trelloWrite(t, `create the list "${name}"`, "lists", { name, idBoard: board.id, pos: "bottom" });
    if (!made.ok) return made;
    current.lists.push({ id: String(made.body.id), name });
  }
  for (const label of plan.labels) {
    const made = await trelloWrite(t, `create the label "${label.name}"`, "labels", {
      name: label.name,
      color: label.color,
      idBoard: board.id,
    });
    if (!made.ok) return made;
  }
  const read = readLoopRecord("settings", (await readScope(t, "board")).settings);
  const settings = read.status === "ok" ? read.value : defaultBoardSettings();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const saved = await saveRecord(t, "board", "settings", templateSettings(settings, current, zone));
  if (!saved.ok)
    return {
      ok: false,
      message: saved.formError ?? `The board settings were not saved: ${Object.values(saved.fieldErrors).join(" ")}`,
    };
  return { ok: true, lists: plan.lists, labels: plan.labels.map((label) => label.name) };
}
