import http from "node:http";
import { createTrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";

describe("createTrelloSimulator", () => {
  it("listens on a free port, reports where, and stops answering once closed", async () => {
    const sim = createTrelloSimulator({ apiKey: "1".repeat(32), apiSecret: "2".repeat(64), token: "3".repeat(64) });
    const info = await sim.listen(0);
    expect(info).toEqual({
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      key: "1".repeat(32),
      secret: "2".repeat(64),
      token: "3".repeat(64),
      memberId: sim.memberId,
    });
    expect(sim.baseUrl).toBe(info.baseUrl);
    // A keep-alive connection must not hold close() open.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise((resolve) =>
      http.get(`${info.baseUrl}/_sim/info`, { agent }, (res) => res.resume().on("end", resolve)),
    );
    await sim.close();
    expect(sim.baseUrl).toBeUndefined();
    await expect(fetch(`${info.baseUrl}/_sim/info`)).rejects.toThrow();
    agent.destroy();
  });

  it("refuses to listen twice, and reports a port already in use", async () => {
    const first = createTrelloSimulator();
    const { baseUrl } = await first.listen(0);
    await expect(first.listen(0)).rejects.toThrow(/already listening/);
    const second = createTrelloSimulator();
    await expect(second.listen(Number(new URL(baseUrl).port))).rejects.toThrow(/EADDRINUSE/);
    await Promise.all([first.close(), second.close()]);
  });

  it("uses the clock it is given for actions written without a date", () => {
    const sim = createTrelloSimulator({ now: () => Date.parse("2022-02-22T22:22:22.222Z") });
    const board = sim.createBoard({ name: "Clocked" });
    expect(sim.boardActions(board.id).map((action) => action.date)).toEqual(["2022-02-22T22:22:22.222Z"]);
  });
});
