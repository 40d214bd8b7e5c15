import { runTrelloSimCli } from "./trello-sim-cli";

/** Entry point of `npm run trello-sim`: serve until SIGINT or SIGTERM, then close cleanly. */
async function main(): Promise<void> {
  const code = await runTrelloSimCli(process.argv.slice(2), {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
    onStop: (stop) => {
      const shutdown = () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    },
  });
  if (code !== null) process.exitCode = code;
}

void main();
