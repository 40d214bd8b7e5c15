import { loopConfig } from "./loop-config";

/** The `t` of a Power-Up page: Trello's iframe client, with our app key so t.getRestApi() works. */
export function iframeClient(): Trello.PowerUp.IFrame {
  const { appKey, appName } = loopConfig();
  return window.TrelloPowerUp.iframe({ appKey: appKey ?? undefined, appName } as Trello.PowerUp.IFrameOptions);
}
