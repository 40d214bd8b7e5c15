import { renderBoardButtons, renderLists } from "./board-view";
import { renderCardPanel, renderDetailBadges } from "./card-panel";
import { el } from "./dom";
import { signFrameUrl } from "./frame-hash";
import { createFrameLayer } from "./frame-layer";
import type { BoardModel, ConnectorHandle, DevHostBridge, DevHostSession, FrameContext } from "./host-bridge";
import { simRest } from "./sim-api";
import { sessionAs } from "./session-as";

type Json = Record<string, unknown>;

/** How long the connector has to call TrelloPowerUp.initialize before the host says it is broken. */
const CONNECTOR_TIMEOUT_MS = 10_000;

async function loadModel(session: DevHostSession, boardId: string): Promise<BoardModel> {
  const [board, labels, lists, cards, members, me] = await Promise.all([
    simRest<Json>(session, `boards/${boardId}`),
    simRest<Json[]>(session, `boards/${boardId}/labels`),
    simRest<Json[]>(session, `boards/${boardId}/lists`),
    simRest<Json[]>(session, `boards/${boardId}/cards`),
    simRest<Json[]>(session, `boards/${boardId}/members`),
    simRest<Json>(session, `members/${session.memberId}`),
  ]);
  // Trello's client has the board's labels at hand (t.board("labels")); its REST board JSON does not carry them.
  return { board: { ...board, labels }, lists, cards, members, me };
}

/** Boots the page that stands in for Trello: the board, the connector's capabilities, and the host bridge. */
async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  // The member "signed in" to this tab: `?member=<id>` shows the board as another of its members.
  const session = sessionAs((await (await fetch("./session.json")).json()) as DevHostSession, params.get("member"));
  // Trello calls only the capabilities switched on in its admin portal; here manifest.json is that list.
  const manifest = (await (await fetch("/powerup/manifest.json")).json()) as { capabilities: string[] };
  const declared = new Set(manifest.capabilities);
  const boardId = params.get("board") ?? session.boardId;
  let model = loadModel(session, boardId);
  let connector: ConnectorHandle | undefined;
  let openCardId: string | undefined;
  const renderListeners = new Map<Window, Array<() => void>>();
  let alertTimer: number | undefined;

  const contextFor = (card?: string): FrameContext => ({
    board: boardId,
    ...(card ? { card } : {}),
    member: session.memberId,
    plugin: session.pluginId,
    permissions: { board: "write", card: "write", organization: "write" },
    version: "dev-host",
    locale: "en-GB",
    theme: "light",
    initialTheme: "light",
  });

  const toolbar = el("div", { class: "toolbar" });
  const boardArea = el("div", { class: "board-area" });
  const cardArea = el("div", { class: "card-area" });
  const alertBox = el("div", { class: "host-alert", role: "status", hidden: "" });
  const title = el("h1", {}, "…");
  const outbox = session.outboxUrl
    ? el("a", { class: "outbox-link", href: session.outboxUrl, target: "_blank", rel: "noopener" }, "Outbox")
    : null;
  document.body.append(el("header", { class: "board-header" }, title, toolbar, outbox), alertBox, boardArea, cardArea);

  async function openCard(cardId: string): Promise<void> {
    openCardId = cardId;
    const panel = await renderCardPanel(await model, connector, contextFor(cardId), closeCard);
    if (openCardId === cardId) cardArea.replaceChildren(panel);
  }
  function closeCard(): void {
    openCardId = undefined;
    cardArea.replaceChildren();
  }

  async function renderToolbar(): Promise<void> {
    const buttons: HTMLElement[] = [];
    const enable = el("button", { type: "button", class: "host-button" }, "Enable Power-Up");
    enable.addEventListener("click", () => void connector?.call("on-enable", contextFor()));
    const settings = el("button", { type: "button", class: "host-button" }, "Power-Up settings");
    settings.addEventListener("click", () => void connector?.call("show-settings", contextFor()));
    const removeData = el("button", { type: "button", class: "host-button" }, "Remove personal data");
    removeData.addEventListener("click", () => void connector?.call("remove-data", contextFor()));
    if (declared.has("on-enable")) buttons.push(enable);
    if (declared.has("show-settings")) buttons.push(settings);
    if (declared.has("remove-data")) buttons.push(removeData);
    if (connector) {
      const status = (await connector.call("authorization-status", contextFor())) as
        { authorized?: boolean } | undefined;
      if (status) {
        const authorize = el(
          "button",
          { type: "button", class: "host-button", "data-authorized": String(status.authorized === true) },
          status.authorized ? "Authorized ✓" : "Authorize Power-Up",
        );
        authorize.addEventListener("click", () => void connector?.call("show-authorization", contextFor()));
        buttons.push(authorize);
      }
    }
    toolbar.replaceChildren(
      ...(await renderBoardButtons({ model: await model, connector, contextFor, openCard })),
      ...buttons,
    );
  }

  let rendering: Promise<void> = Promise.resolve();
  function render(): Promise<void> {
    rendering = rendering
      .then(async () => {
        const current = await model;
        title.textContent = String(current.board.name);
        document.title = `${String(current.board.name)} — dev host`;
        boardArea.replaceChildren(await renderLists({ model: current, connector, contextFor, openCard }));
        await renderToolbar();
        // The card's panel keeps its card-back iframe (which re-renders itself through t.render); only badges change.
        const detailBadges = cardArea.querySelector(".card-detail-badges");
        if (openCardId && connector && detailBadges)
          detailBadges.replaceWith(await renderDetailBadges(connector, contextFor(openCardId)));
        document.body.dataset.rendered = String(Date.now());
      })
      .catch((err: unknown) => console.error("dev host render failed", err));
    return rendering;
  }

  const frames = createFrameLayer(() => {
    // A page may have changed cards over REST: show the board as it is now.
    model = loadModel(session, boardId);
    void render();
  });

  let changeTimer: number | undefined;
  const bridge: DevHostBridge = {
    session,
    model: () => model,
    registerConnector(handle) {
      connector = {
        ...handle,
        call: async (capability, context, options) =>
          declared.has(capability) ? handle.call(capability, context, options) : undefined,
      };
      // A card opened before the connector was ready has no buttons or section yet: build its panel again.
      void render().then(() => (openCardId ? openCard(openCardId) : undefined));
    },
    openPopup: (options, context) => frames.show("popup", options, context),
    openModal: (options, context) => frames.show("modal", options, context),
    openBoardBar: (options, context) => frames.show("board-bar", options, context),
    // Deferred, so the promise of a page closing its own frame settles before that frame is gone (as in Trello).
    closePopup: () => void window.setTimeout(() => frames.close("popup")),
    closeModal: () => void window.setTimeout(() => frames.close("modal")),
    closeBoardBar: () => void window.setTimeout(() => frames.close("board-bar")),
    sizeFrame(frameWindow, height) {
      const frame = [...document.querySelectorAll("iframe")].find(
        (candidate) => candidate.contentWindow === frameWindow,
      );
      if (frame) frame.style.height = `${Math.max(height, 24)}px`;
    },
    onPluginDataChange(frameWindow, fn) {
      renderListeners.set(frameWindow, [...(renderListeners.get(frameWindow) ?? []), fn]);
    },
    pluginDataChanged() {
      window.clearTimeout(changeTimer);
      changeTimer = window.setTimeout(() => {
        for (const [frameWindow, listeners] of renderListeners) {
          // A closed popup's window is gone: forget its render functions instead of calling into a dead frame.
          if (frameWindow.closed || !frameWindow.document) renderListeners.delete(frameWindow);
          else for (const listener of listeners) listener();
        }
        void render();
      }, 30);
    },
    alert({ message, display = "info", duration = 5 }) {
      alertBox.textContent = message;
      alertBox.dataset.display = display;
      alertBox.hidden = false;
      window.clearTimeout(alertTimer);
      alertTimer = window.setTimeout(() => (alertBox.hidden = true), duration * 1000);
    },
    hideAlert: () => void (alertBox.hidden = true),
    navigate(url) {
      void model.then((current) => {
        const card = current.cards.find((candidate) => candidate.url === url || candidate.shortUrl === url);
        if (card) void openCard(String(card.id));
        else window.open(url, "_blank");
      });
    },
  };
  window.loopDevHost = bridge;

  const connectorFrame = el("iframe", {
    "data-frame": "connector",
    hidden: "",
    src: signFrameUrl(new URL("/powerup/connector.html", location.href).href, { context: contextFor(), args: {} }),
  });
  document.body.append(connectorFrame);
  window.setTimeout(() => {
    if (!connector)
      bridge.alert({
        message: "The connector (/powerup/connector.html) did not call TrelloPowerUp.initialize",
        display: "error",
        duration: 3600,
      });
  }, CONNECTOR_TIMEOUT_MS);
  await render();
}

boot().catch((err: unknown) => {
  document.body.append(
    el(
      "pre",
      { class: "host-error" },
      `The dev host could not start: ${err instanceof Error ? err.message : String(err)}`,
    ),
  );
});
