import type { DevHostSession } from "../dev-host-session";

export type { DevHostSession };

/** What Trello puts in each iframe's context (`t.getContext()`). */
export interface FrameContext {
  board: string;
  card?: string;
  member: string;
  plugin: string;
  permissions: { board: "read" | "write"; card: "read" | "write"; organization: "read" | "write" };
  version: string;
  locale: string;
  theme: "light";
  initialTheme: "light";
  command?: string;
}

/** The raw REST JSON of the board the host has loaded; the client shapes it the way Trello's client does. */
export interface BoardModel {
  board: Record<string, unknown>;
  lists: Record<string, unknown>[];
  cards: Record<string, unknown>[];
  members: Record<string, unknown>[];
  me: Record<string, unknown>;
}

export interface FrameOptions {
  title?: string;
  url: string;
  args?: Record<string, unknown>;
  height?: number;
  fullscreen?: boolean;
}

/** The connector's capabilities, as its `TrelloPowerUp.initialize` registers them with the host. */
export interface ConnectorHandle {
  /** Calls a capability handler with a `t` for `context`; resolves to undefined when it is not declared. */
  call(capability: string, context: FrameContext, options?: Record<string, unknown>): Promise<unknown>;
  /** A `t` (in the connector's window) for calling the callbacks a capability returned. */
  t(context: FrameContext): unknown;
}

/**
 * The dev host page's API, `window.loopDevHost` on the top window. Every iframe is same-origin with it, so
 * the fake client calls it directly where Trello's client would post a message to Trello.
 */
export interface DevHostBridge {
  session: DevHostSession;
  model(): Promise<BoardModel>;
  registerConnector(connector: ConnectorHandle): void;
  openPopup(options: FrameOptions, context: FrameContext): void;
  openModal(options: FrameOptions, context: FrameContext): void;
  openBoardBar(options: FrameOptions, context: FrameContext): void;
  closePopup(): void;
  closeModal(): void;
  closeBoardBar(): void;
  sizeFrame(frameWindow: Window, height: number): void;
  onPluginDataChange(frameWindow: Window, render: () => void): void;
  pluginDataChanged(): void;
  alert(options: { message: string; display?: string; duration?: number }): void;
  hideAlert(): void;
  navigate(url: string): void;
}

declare global {
  interface Window {
    loopDevHost?: DevHostBridge;
  }
}
