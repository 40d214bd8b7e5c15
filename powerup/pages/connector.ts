import manifest from "../../manifest.json";
import { handlersFor } from "../capabilities/capability-handlers";
import { loopConfig } from "../lib/loop-config";

// The connector only wires: manifest.json says which capabilities are on, each handler lives in its own module.
const { appKey, appName } = loopConfig();
window.TrelloPowerUp.initialize(
  handlersFor(manifest.capabilities) as Trello.PowerUp.CapabilityHandlers,
  {
    appKey: appKey ?? undefined,
    appName,
  } as Trello.PowerUp.PluginOptions,
);
