import { clientBoard, clientCard, clientList, clientMember, pickFields } from "./client-models";
import { signFrameUrl, type FrameHash } from "./frame-hash";
import type { DevHostBridge, FrameContext, FrameOptions } from "./host-bridge";
import { createPluginDataClient, type Visibility } from "./plugin-data-client";
import { simAdmin } from "./sim-api";

const TOKEN_STORAGE_PREFIX = "loop-dev-host:token:";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The `t` Trello's client gives a page or a capability callback, backed by the dev host and the simulator:
 * the same promise-based methods, and the same refusals, as `TrelloPowerUp.iframe()` in Trello.
 */
export function createIframeT(host: DevHostBridge, hash: FrameHash, frameWindow: Window) {
  const { session } = host;
  const { context, args } = hash;
  const pluginData = createPluginDataClient(session, context);
  const absolute = (url: string) => new URL(url, frameWindow.location.href).href;
  const frame = (options: FrameOptions): FrameOptions => ({ ...options, url: absolute(options.url) });

  const currentCard = async () => {
    if (!context.card) throw new Error("Invalid context: this frame is not about a card");
    const model = await host.model();
    const card = model.cards.find((candidate) => candidate.id === context.card);
    if (!card) throw new Error(`Card ${context.card} is not on the board`);
    return { card, model };
  };

  const t = {
    getContext: (): FrameContext => ({ ...context }),
    arg: <T>(name: string, defaultValue?: T): T => (name in args ? (args[name] as T) : (defaultValue as T)),
    isMemberSignedIn: () => true,
    memberCanWriteToModel: () => true,
    localizeKey: (key: string) => key,
    localizeKeys: (keys: Array<string | [string, string]>) => keys.map((key) => (Array.isArray(key) ? key[0] : key)),
    safe: escapeHtml,
    signUrl: (url: string, signArgs: Record<string, unknown> = {}) =>
      signFrameUrl(absolute(url), { context, args: signArgs }),

    async get(scope: string, visibility: Visibility, key?: string, defaultValue?: unknown): Promise<unknown> {
      const data = await pluginData.read(scope, visibility);
      if (key === undefined) return data;
      return key in data ? data[key] : defaultValue;
    },
    async set(
      scope: string,
      visibility: Visibility,
      keyOrEntries: string | Record<string, unknown>,
      value?: unknown,
    ): Promise<void> {
      const entries = typeof keyOrEntries === "string" ? { [keyOrEntries]: value } : keyOrEntries;
      await pluginData.write(scope, visibility, entries);
      host.pluginDataChanged();
    },
    async remove(scope: string, visibility: Visibility, keys: string | string[]): Promise<void> {
      const names = Array.isArray(keys) ? keys : [keys];
      await pluginData.write(scope, visibility, {}, names);
      host.pluginDataChanged();
    },
    async getAll(): Promise<Record<string, Record<Visibility, Record<string, unknown>>>> {
      const both = async (scope: string) => ({
        shared: await pluginData.read(scope, "shared"),
        private: await pluginData.read(scope, "private"),
      });
      const all: Record<string, Record<Visibility, Record<string, unknown>>> = { board: await both("board") };
      if (context.card) all.card = await both("card");
      return all;
    },

    async board(...fields: string[]) {
      return pickFields(clientBoard(await host.model()), fields);
    },
    async card(...fields: string[]) {
      const { card, model } = await currentCard();
      return pickFields(clientCard(card, model), fields);
    },
    async cards(...fields: string[]) {
      const model = await host.model();
      return model.cards.map((card) => pickFields(clientCard(card, model), fields));
    },
    async lists(...fields: string[]) {
      const model = await host.model();
      return model.lists.map((list) => pickFields(clientList(list, model), fields));
    },
    async list(...fields: string[]) {
      const { card, model } = await currentCard();
      const list = model.lists.find((candidate) => candidate.id === card.idList);
      if (!list) throw new Error(`List ${String(card.idList)} is not on the board`);
      return pickFields(clientList(list, model), fields);
    },
    async member(...fields: string[]) {
      return pickFields(clientMember((await host.model()).me), fields);
    },

    async jwt(options: { state?: string } = {}): Promise<string> {
      const body = {
        idBoard: context.board,
        idMember: context.member,
        idPlugin: session.pluginId,
        ...(options.state ? { state: options.state } : {}),
      };
      return (await simAdmin<{ jwt: string }>(session, "POST", "jwt", body)).jwt;
    },
    getRestApi() {
      const storageKey = `${TOKEN_STORAGE_PREFIX}${context.member}`;
      return {
        appKey: session.key,
        appName: "Stakeholder Loop",
        apiOrigin: session.simBaseUrl,
        authOrigin: session.simBaseUrl,
        init: () => undefined,
        apiBase: () => `${session.simBaseUrl}/1/`,
        authBase: () => `${session.simBaseUrl}/1/`,
        isAuthorized: async () => frameWindow.localStorage.getItem(storageKey) !== null,
        // Trello opens its consent popup here; the simulator has no OAuth flow, so consent is immediate.
        authorize: async () => {
          frameWindow.localStorage.setItem(storageKey, session.token);
          return session.token;
        },
        getToken: async () => frameWindow.localStorage.getItem(storageKey),
        clearToken: async () => frameWindow.localStorage.removeItem(storageKey),
      };
    },

    async popup(options: FrameOptions) {
      if (!options.url) throw new Error("t.popup: the dev host shows iframe popups only (give url)");
      host.openPopup(frame(options), context);
    },
    async modal(options: FrameOptions) {
      host.openModal(frame(options), context);
    },
    async boardBar(options: FrameOptions) {
      host.openBoardBar(frame(options), context);
    },
    closePopup: async () => host.closePopup(),
    hide: async () => host.closePopup(),
    closeModal: async () => host.closeModal(),
    closeBoardBar: async () => host.closeBoardBar(),
    hideBoardBar: async () => host.closeBoardBar(),
    async sizeTo(target: string | number | Element) {
      const element =
        typeof target === "string"
          ? frameWindow.document.querySelector(target)
          : typeof target === "number"
            ? null
            : target;
      if (typeof target !== "number" && !element) throw new Error(`t.sizeTo: nothing matches ${String(target)}`);
      host.sizeFrame(
        frameWindow,
        typeof target === "number" ? target : Math.ceil(element!.getBoundingClientRect().height),
      );
    },
    render(fn: () => void) {
      host.onPluginDataChange(frameWindow, fn);
      queueMicrotask(fn);
    },
    alert: async (options: { message: string; display?: string; duration?: number }) => host.alert(options),
    hideAlert: async () => host.hideAlert(),
    navigate: async ({ url }: { url: string }) => host.navigate(url),
  };
  return t;
}

export type IframeT = ReturnType<typeof createIframeT>;
