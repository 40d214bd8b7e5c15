import { ConfigError, loadConfig, type Config } from "../server/config/load-config";
import { createLogger } from "../server/log/create-logger";
import { startService } from "../server/start-service";
import { demoLogger } from "./demo/demo-logger";
import { runDemo } from "./demo/run-demo";

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** `npm start`: the service against Trello when credentials are set, otherwise the demo on the simulator. */
async function main(): Promise<void> {
  const config = readConfig();
  const { log, logFile } =
    config.mode === "demo"
      ? demoLogger(config.logLevel, process.env)
      : { log: createLogger(config.logLevel), logFile: undefined };
  const running = config.mode === "demo" ? await runDemo(config, log, { logFile }) : await startService(config, log);
  const stop = (signal: string) => {
    log.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Stakeholder Loop could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
