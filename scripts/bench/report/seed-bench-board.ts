import { DateTime } from "luxon";
import { addDays } from "../../../shared/loop/calendar-day";
import { LOOP_RECORDS, type LoopKey } from "../../../shared/loop/loop-records";
import type { TrelloSimulator } from "../../trello-sim/create-trello-simulator";
import type { BenchBoardSize } from "./bench-board-size";
import { seededRandom } from "../../trello-sim/faults/seeded-random";

export interface BenchBoard {
  boardId: string;
  /** The busy month (YYYY-MM, UTC): the last full month before `now`. */
  month: string;
  /** The card activity generated (the board, its lists, members and Loop cards add a few more actions). */
  actions: number;
  busyMonthActions: number;
}

const WORK_LISTS = ["Backlog", "Doing", "Review", "Done"] as const;

function record<K extends LoopKey>(key: K, value: unknown): unknown {
  return LOOP_RECORDS[key].schema.parse(value);
}

/**
 * A delivery board with `size.months` months of history ending with the busy month: cards created through the
 * months and moved Backlog → Doing → Review → Done, commented, renamed, given due dates and members, some archived;
 * plus stakeholders with update logs and milestones due in the busy month, written as the Power-Up would (t.set).
 */
export function seedBenchBoard(sim: TrelloSimulator, size: BenchBoardSize, now: number): BenchBoard {
  const random = seededRandom(8);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const busy = DateTime.fromMillis(now, { zone: "UTC" }).startOf("month").minus({ months: 1 });
  const first = busy.minus({ months: size.months - 1 });
  const board = sim.createBoard({
    name: "Generated delivery board",
    lists: [...WORK_LISTS],
    at: first.toMillis() - 86_400_000,
  });
  const lists = (board.lists as { id: string }[]).map((list) => list.id);
  const members = Array.from({ length: 8 }, (_, i) =>
    String(sim.createMember({ username: `dev${i}`, fullName: `Developer ${i}` }).id),
  );
  for (const member of members) sim.addMemberToBoard(String(board.id), member, { at: first.toMillis() - 3_600_000 });

  // Cards not archived, which later actions pick from (archiving swaps the last one into its place).
  const open: { id: string; list: number }[] = [];
  const onCard = new Set<string>();
  let recorded = 0;
  let created = 0;
  for (let m = 0; m < size.months; m += 1) {
    const month = first.plus({ months: m });
    const isBusy = m === size.months - 1;
    const quota = isBusy
      ? size.busyMonthActions
      : Math.round((size.actions - size.busyMonthActions) / (size.months - 1));
    const createQuota = m === size.months - 1 ? size.cards - created : Math.round((size.cards * quota) / size.actions);
    const startMs = month.toMillis();
    const spanMs = month.plus({ months: 1 }).toMillis() - startMs;
    const times = Array.from({ length: quota }, () => startMs + Math.floor(random() * spanMs)).sort((a, b) => a - b);
    let toCreate = Math.max(0, createQuota);
    times.forEach((at, index) => {
      const left = times.length - index;
      if (open.length === 0 || (toCreate > 0 && random() < toCreate / left)) {
        const list = random() < 0.8 ? 0 : 1;
        open.push({ id: String(sim.createCard(lists[list]!, { name: `Task ${created + 1}`, at }).id), list });
        toCreate -= 1;
        created += 1;
        recorded += 1;
        return;
      }
      const slot = Math.floor(random() * open.length);
      const card = open[slot]!;
      const roll = random();
      const by = { at, idMember: pick(members) };
      if (roll < 0.4) sim.addComment(card.id, `Progress note ${index}`, by);
      else if (roll < 0.75) {
        card.list = card.list === 3 ? 1 : card.list + 1;
        sim.moveCard(card.id, lists[card.list]!, by);
      } else if (roll < 0.85) sim.renameCard(card.id, `Task ${card.id.slice(-4)} (rev ${index})`, by);
      else if (roll < 0.93) sim.setDue(card.id, new Date(at + 14 * 86_400_000).toISOString(), by);
      else if (roll < 0.985 && !onCard.has(`${card.id} ${by.idMember}`)) {
        onCard.add(`${card.id} ${by.idMember}`);
        sim.addMemberToCard(card.id, by.idMember, by);
      } else if (roll < 0.985) sim.addComment(card.id, `Review note ${index}`, by);
      else {
        sim.archiveCard(card.id, by);
        open[slot] = open[open.length - 1]!;
        open.pop();
      }
      recorded += 1;
    });
  }
  seedLoopRecords(sim, String(board.id), size.stakeholders, busy, random);
  return {
    boardId: String(board.id),
    month: busy.toFormat("yyyy-MM"),
    actions: recorded,
    busyMonthActions: size.busyMonthActions,
  };
}

function seedLoopRecords(
  sim: TrelloSimulator,
  boardId: string,
  count: number,
  busy: DateTime,
  random: () => number,
): void {
  const list = String(
    sim.createList(boardId, { name: "Stakeholders", pos: 0, at: busy.minus({ months: 6 }).toMillis() }).id,
  );
  const day = (n: number) => addDays(busy.toFormat("yyyy-MM-dd"), n);
  const buyIns = ["sceptic", "neutral", "supporter", "champion"] as const;
  for (let i = 0; i < count; i += 1) {
    const card = String(
      sim.createCard(list, { name: `Stakeholder ${i}`, at: busy.minus({ months: 5 }).toMillis() + i * 60_000 }).id,
    );
    const entries = Array.from({ length: 3 }, (_, n) => ({
      id: `bench${String(i).padStart(3, "0")}${n}`,
      at: busy.plus({ days: 3 + n * 9, hours: i % 8 }).toISO(),
      channel: "email",
      summary: `Update ${n + 1} for stakeholder ${i}`,
    }));
    sim.setPluginData(
      { scope: "card", idModel: card },
      {
        stakeholder: record("stakeholder", {
          v: 1,
          name: `Stakeholder ${i}`,
          type: i % 3 === 0 ? "partner" : "client",
          org: `Org ${i % 5}`,
          roles: "Reviewer",
          influence: "high",
          interest: "medium",
          channel: "email",
          cadenceDays: 7 + (i % 3) * 7,
          buyIn: buyIns[i % buyIns.length],
          status: i % 7 === 0 ? "difficult" : "active",
          initiation: { platform: true, roles: i % 2 === 0, reviews: true, scope: true },
        }),
        log: record("log", { v: 1, entries }),
      },
    );
  }
  for (let i = 0; i < 12; i += 1) {
    const card = String(
      sim.createCard(list, { name: `Milestone ${i}`, at: busy.minus({ months: 4 }).toMillis() + i * 60_000 }).id,
    );
    const due = day(2 + i * 2);
    const done = random() < 0.6 ? { doneOn: addDays(due, -1) } : {};
    sim.setPluginData(
      { scope: "card", idModel: card },
      {
        milestone: record("milestone", {
          v: 1,
          stage: pick4(i),
          deliverable: `Deliverable ${i}`,
          due,
          baselineDue: addDays(due, -(i % 3) * 3),
          ...done,
        }),
      },
    );
  }
}

function pick4(i: number): string {
  return (["initiation", "planning", "execution", "closing"] as const)[i % 4]!;
}
