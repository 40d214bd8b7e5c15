import { runWebhooksCli } from "./webhooks-cli";

void runWebhooksCli(process.argv.slice(2), {
  env: process.env,
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
}).then((code) => {
  process.exitCode = code;
});
