import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { authorizeMember, forgetMemberToken, memberToken } from "../lib/member-token";
import { callService, type ServiceResult } from "./call-service";
import { connectionState, isSyncing, type ConnectionView } from "./connection-state";

/** How often the page asks for progress while the service reads the board's history, and for how long. */
const POLL_MS = 1500;
const POLL_LIMIT = 40;

function explanation(): HTMLElement {
  return h(
    "div",
    { class: "authorize-intro" },
    h(
      "p",
      {},
      "Connecting lets the Stakeholder Loop service read this board's history and its Loop data (stakeholders, sprints, scope, milestones) to build the monthly report without slowing Trello down.",
    ),
    h(
      "ul",
      {},
      h("li", {}, "You give the Power-Up a Trello token for your account; the service stores it encrypted."),
      h("li", {}, "Trello then tells the service about every change on the board, so reports stay current."),
      h("li", {}, "One member connects the board for everyone; you can disconnect at any time."),
    ),
  );
}

/**
 * The show-authorization popup, with the two things it takes apart: the board's connection to the service (made
 * once, by one member: who, its sync's progress, disconnect) and this member's own authorization (their REST token,
 * which the pages use to make cards and comments in their name). Errors are shown in words.
 */
export async function renderAuthorizePage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const { board, member } = t.getContext();
  const path = `/api/boards/${board}/connection`;
  const message = h("div", { class: "message", "aria-live": "polite" });
  const boardPart = h("section", { class: "authorize-board", "aria-label": "The board" });
  const memberPart = h("section", { class: "authorize-member", "aria-label": "You" });
  replaceChildren(root, h("h1", {}, "Stakeholder Loop access"), message, boardPart, memberPart);
  const members = ((await t.board("members")) as { members?: { id: string; fullName: string }[] }).members ?? [];
  let polls = 0;
  let pollTimer: number | undefined;

  const clearMessage = () => {
    message.className = "message";
    message.textContent = "";
  };
  const whoConnected = (memberId: string) =>
    memberId === member
      ? "you"
      : (members.find((candidate) => candidate.id === memberId)?.fullName ?? "a member who has left the board");

  const showConnected = (view: ConnectionView) => {
    const disconnect = h(
      "button",
      { type: "button", class: "btn btn-danger", onclick: () => void onDisconnect() },
      "Disconnect",
    );
    replaceChildren(
      boardPart,
      h("h2", {}, "This board is connected"),
      h("p", { class: "connected-by" }, `Connected by ${whoConnected(view.memberId)}.`),
      connectionState(view),
      h("div", { class: "actions" }, disconnect),
    );
    window.clearTimeout(pollTimer);
    if (isSyncing(view) && polls < POLL_LIMIT) {
      polls += 1;
      pollTimer = window.setTimeout(() => void refresh(), POLL_MS);
    }
  };

  const showDisconnected = () => {
    const connect = h(
      "button",
      { type: "button", class: "btn btn-primary", onclick: () => void onConnect() },
      "Connect this board",
    );
    replaceChildren(
      boardPart,
      h("h2", {}, "This board is not connected"),
      explanation(),
      h("div", { class: "actions" }, connect),
    );
  };

  async function showMember(): Promise<void> {
    const authorized = (await memberToken(t)) !== null;
    const action = authorized
      ? h("button", { type: "button", class: "btn", onclick: () => void onForget() }, "Forget my authorization")
      : h("button", { type: "button", class: "btn btn-primary", onclick: () => void onAuthorize() }, "Authorize");
    replaceChildren(
      memberPart,
      h("h2", {}, authorized ? "You have authorized Stakeholder Loop" : "You have not authorized Stakeholder Loop"),
      h(
        "p",
        { class: "muted" },
        authorized
          ? "The Power-Up's pages make cards and post reports on this board in your name."
          : "Every member authorizes for themselves, once: adding a stakeholder, planning a sprint or posting a report makes cards in your name.",
      ),
      h("div", { class: "actions", "data-authorized": String(authorized) }, action),
    );
  }

  const show = (answer: ServiceResult<ConnectionView>) => {
    if (answer.ok) return showConnected(answer.body);
    showDisconnected();
    if (answer.code !== "NOT_CONNECTED") showMessage(message, answer.message, "error");
  };

  async function refresh(): Promise<void> {
    show(await callService<ConnectionView>(t, path, { state: "connection" }));
  }

  async function onAuthorize(): Promise<void> {
    clearMessage();
    if (!(await authorizeMember(t)))
      return showMessage(message, "Trello did not give the Power-Up access. Try again and choose Allow.", "error");
    showMessage(message, "Authorized. You can now add stakeholders, plan sprints and post reports.", "ok");
    await showMember();
  }

  async function onForget(): Promise<void> {
    clearMessage();
    await forgetMemberToken(t);
    showMessage(message, "Your authorization is forgotten in this browser.", "ok");
    await showMember();
  }

  async function onConnect(): Promise<void> {
    clearMessage();
    showMessage(message, "Waiting for Trello's permission…", "info");
    const api = t.getRestApi();
    let token: string | null;
    try {
      // Without an expiration Trello's token lasts 30 days, and the board's webhook and sync would stop with it.
      await api.authorize({ scope: "read,write", expiration: "never" });
      token = await api.getToken();
    } catch {
      return showMessage(
        message,
        "Trello did not give the Power-Up access, so the board was not connected. Try again and choose Allow.",
        "error",
      );
    }
    if (!token)
      return showMessage(
        message,
        "Trello did not give the Power-Up access, so the board was not connected. Try again and choose Allow.",
        "error",
      );
    showMessage(message, "Connecting…", "info");
    const answer = await callService<ConnectionView>(t, path, { method: "POST", state: "connect", body: { token } });
    await showMember();
    if (!answer.ok) return showMessage(message, answer.message, "error");
    showMessage(message, "Connected. The service is reading the board's history.", "ok");
    polls = 0;
    showConnected(answer.body);
  }

  async function onDisconnect(): Promise<void> {
    clearMessage();
    window.clearTimeout(pollTimer);
    const answer = await callService<{ disconnected: boolean }>(t, path, { method: "DELETE", state: "disconnect" });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    showDisconnected();
    showMessage(message, "Disconnected. The service no longer reads this board.", "ok");
  }

  await Promise.all([refresh(), showMember()]);
}
