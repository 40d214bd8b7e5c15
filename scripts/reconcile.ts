import { runReconcileCli } from "./reconcile-cli";

void runReconcileCli(process.argv.slice(2), {
  env: process.env,
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
