import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { callService, type ServiceResult } from "./call-service";
import { connectionState, isSyncing, type ConnectionView } from "./connection-state";

/** How often the page asks for progress while the service reads the board's history, and for how long. */
const POLL_MS = 1500;
const POLL_LIMIT = 40;

function explanation(): HTMLElement {
  return h(
    "div",
    { class: "authorize-intro" },
    h("p", {}, "Connecting lets the Stakeholder Loop service read this board's history and its Loop data (stakeholders, sprints, scope, milestones) to build the monthly report without slowing Trello down."),
    h(
      "ul",
      {},
      h("li", {}, "You give the Power-Up a Trello token for your account; the service stores it encrypted."),
      h("li", {}, "Trello then tells the service about every change on the board, so reports stay current."),
      h("li", {}, "You can disconnect at any time; the service then stops reading the board."),
    ),
  );
}

/**
 * The show-authorization popup: connect the board (the member's REST token and JWT go to the service's connect
 * flow), follow the first sync's progress, or disconnect. Errors are shown in words.
 */
export async function renderAuthorizePage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const { board } = t.getContext();
  const path = `/api/boards/${board}/connection`;
  const message = h("div", { class: "message", "aria-live": "polite" });
  const body = h("div", { class: "authorize-body" });
  replaceChildren(root, h("h1", {}, "Connect Stakeholder Loop"), message, body);
  let polls = 0;
  let pollTimer: number | undefined;

  const clearMessage = () => {
    message.className = "message";
    message.textContent = "";
  };

  const showConnected = (view: ConnectionView) => {
    const disconnect = h("button", { type: "button", class: "btn btn-danger", onclick: () => void onDisconnect() }, "Disconnect");
    replaceChildren(body, h("h2", {}, "This board is connected"), connectionState(view), h("div", { class: "actions" }, disconnect));
    window.clearTimeout(pollTimer);
    if (isSyncing(view) && polls < POLL_LIMIT) {
      polls += 1;
      pollTimer = window.setTimeout(() => void refresh(), POLL_MS);
    }
  };

  const showDisconnected = () => {
    const connect = h("button", { type: "button", class: "btn btn-primary", onclick: () => void onConnect() }, "Connect this board");
    replaceChildren(body, explanation(), h("div", { class: "actions" }, connect));
  };

  const show = (answer: ServiceResult<ConnectionView>) => {
    if (answer.ok) return showConnected(answer.body);
    if (answer.code === "NOT_CONNECTED") return showDisconnected();
    showDisconnected();
    showMessage(message, answer.message, "error");
  };

  async function refresh(): Promise<void> {
    show(await callService<ConnectionView>(t, path, { state: "connection" }));
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
      return showMessage(message, "Trello did not give the Power-Up access, so the board was not connected. Try again and choose Allow.", "error");
    }
    if (!token) return showMessage(message, "Trello did not give the Power-Up access, so the board was not connected. Try again and choose Allow.", "error");
    showMessage(message, "Connecting…", "info");
    const answer = await callService<ConnectionView>(t, path, { method: "POST", state: "connect", body: { token } });
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

  await refresh();
}
