import { invoiceStatus } from "../../../shared/loop/invoice-state";
import { milestoneDoneOn, milestoneState } from "../../../shared/loop/milestone-state";
import { isDoneList } from "../../../shared/is-done-list";
import { stakeholderUpdateState } from "../../../shared/loop/stakeholder-update-state";
import { calendarDay } from "../../../shared/loop/calendar-day";

const log = (...ats: string[]) => ({
  v: 1 as const,
  entries: ats.map((at, i) => ({ id: `e${i}aaaaa`, at, channel: "email" as const, summary: "Weekly update" })),
});

describe("stakeholderUpdateState", () => {
  it("is overdue when no update was ever logged", () => {
    expect(stakeholderUpdateState({ cadenceDays: 7, status: "active" }, undefined, "2026-03-10")).toEqual({
      overdue: true,
      overdueDays: 0,
    });
  });

  it("counts the days past the cadence after the newest update, whatever the log's order", () => {
    const state = stakeholderUpdateState(
      { cadenceDays: 7, status: "active" },
      log("2026-02-20T10:00:00Z", "2026-03-01T10:00:00Z"),
      "2026-03-11",
    );
    expect(state).toEqual({ lastUpdateAt: "2026-03-01T10:00:00Z", dueOn: "2026-03-08", overdue: true, overdueDays: 3 });
    expect(
      stakeholderUpdateState({ cadenceDays: 7, status: "active" }, log("2026-03-01T10:00:00Z"), "2026-03-08").overdue,
    ).toBe(false);
  });

  it("judges the day of the last update in the board's time zone", () => {
    // 23:30 UTC on 1 March is already 2 March in Auckland, so the next update is due on 9 March there.
    const state = stakeholderUpdateState(
      { cadenceDays: 7, status: "active" },
      log("2026-03-01T23:30:00Z"),
      "2026-03-09",
      "Pacific/Auckland",
    );
    expect(state.dueOn).toBe("2026-03-09");
    expect(state.overdue).toBe(false);
  });

  it("never counts a released stakeholder as overdue", () => {
    expect(stakeholderUpdateState({ cadenceDays: 7, status: "released" }, undefined, "2026-03-10").overdue).toBe(false);
  });
});

describe("milestoneState", () => {
  const base = { due: "2026-03-20", baselineDue: "2026-03-20" };
  it("calls a milestone hit when done by its due date, missed when done after", () => {
    expect(milestoneState({ ...base, doneOn: "2026-03-20" }, "2026-03-25").status).toBe("hit");
    expect(milestoneState({ ...base, doneOn: "2026-03-21" }, "2026-03-25").status).toBe("missed");
  });
  it("calls an open milestone overdue, due soon or upcoming, and a moved due date slipped", () => {
    expect(milestoneState(base, "2026-03-21")).toEqual({ status: "overdue", slipped: false, daysToDue: -1 });
    expect(milestoneState(base, "2026-03-13").status).toBe("due-soon");
    expect(milestoneState(base, "2026-03-12").status).toBe("upcoming");
    expect(milestoneState({ ...base, due: "2026-03-27" }, "2026-03-01").slipped).toBe(true);
  });
  it("counts a milestone whose card entered a done list as done on that day, unless a done date was set", () => {
    const place = { inDoneList: true, enteredDoneOn: "2026-03-18" };
    expect(milestoneState(base, "2026-03-25", place)).toEqual({
      status: "hit",
      doneOn: "2026-03-18",
      slipped: false,
      daysToDue: -5,
    });
    expect(milestoneState(base, "2026-03-25", { inDoneList: true, enteredDoneOn: "2026-03-22" }).status).toBe("missed");
    expect(milestoneState({ ...base, doneOn: "2026-03-24" }, "2026-03-25", place)).toMatchObject({
      status: "missed",
      doneOn: "2026-03-24",
    });
    expect(milestoneDoneOn(base, place)).toBe("2026-03-18");
    expect(milestoneDoneOn(base, { inDoneList: false, enteredDoneOn: "2026-03-18" })).toBeUndefined();
  });
  it("never calls a milestone overdue while its card sits in a done list, even with no known date", () => {
    expect(milestoneState(base, "2026-03-25", { inDoneList: true }).status).toBe("done");
    expect(milestoneState(base, "2026-03-20", { inDoneList: true }).status).toBe("hit");
    expect(milestoneState(base, "2026-03-25", { inDoneList: false }).status).toBe("overdue");
  });
});

describe("isDoneList", () => {
  const list = (id: string, name: string) => ({ id, name });
  it("uses the board's chosen done lists when it chose some, else the name rule", () => {
    expect(isDoneList(list("l1", "Accepted by client"), ["l1"])).toBe(true);
    expect(isDoneList(list("l2", "Done"), ["l1"])).toBe(false);
    expect(isDoneList(list("l2", "✅ Done"), [])).toBe(true);
    expect(isDoneList(list("l2", "✅ Done"), null)).toBe(true);
    expect(isDoneList(list("l3", "Doing"), null)).toBe(false);
  });
});

describe("invoiceStatus", () => {
  it("is paid once paid, overdue after its due day, open before", () => {
    expect(invoiceStatus({ dueOn: "2026-03-31", paidOn: "2026-04-05" }, "2026-04-10")).toBe("paid");
    expect(invoiceStatus({ dueOn: "2026-03-31" }, "2026-04-01")).toBe("overdue");
    expect(invoiceStatus({ dueOn: "2026-03-31" }, "2026-03-31")).toBe("open");
  });
});

describe("calendarDay", () => {
  it("gives the day an instant falls on in a zone", () => {
    expect(calendarDay(new Date("2026-03-01T23:30:00Z"), "Pacific/Chatham")).toBe("2026-03-02");
    expect(calendarDay(new Date("2026-03-01T02:00:00Z"), "America/St_Johns")).toBe("2026-02-28");
  });
});
