import { createApp } from "./app";
import { ConfigError, loadConfig, type Config } from "./config/load-config";
import { createLogger } from "./log/create-logger";
import { openDatabase } from "./store/open-database";

const DEMO_HELP = `Stakeholder Loop needs Trello credentials to run.

Set these environment variables and run \`npm start\` again:
  TRELLO_API_KEY         your Power-Up's API key (Trello admin portal, "API key")
  TRELLO_API_SECRET      the secret of that key (it signs Trello's webhooks)
  TOKEN_ENCRYPTION_KEY   64 hex characters, e.g. from: openssl rand -hex 32
  PUBLIC_URL             the https URL Trello can reach this service at

The demo mode (a local Trello simulator with a seeded board) is not built yet.`;

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

/** Entry point: read the environment, open the store, listen, and close cleanly on SIGINT/SIGTERM. */
function main(): void {
  const config = readConfig();
  if (config.mode === "demo") {
    process.stderr.write(`${DEMO_HELP}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  const app = createApp({ config, db, log });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    log.info({ port, publicUrl: config.publicUrl, webhook: config.webhookCallbackUrl }, "Stakeholder Loop is listening");
  });
  // Longer than the usual load balancer idle timeout, so keep-alive connections are not cut mid-request.
  server.keepAliveTimeout = 65_000;
  const stop = (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close(() => {
      db.close();
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
