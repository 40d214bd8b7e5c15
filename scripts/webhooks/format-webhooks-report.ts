import type { WebhookView, WebhooksReport } from "./inspect-webhooks";

const state = (webhook: WebhookView) =>
  `${webhook.active ? "active" : "INACTIVE"}, ${webhook.consecutiveFailures} failures in a row` +
  (webhook.firstConsecutiveFailDate ? ` since ${webhook.firstConsecutiveFailDate}` : "");

/** The report for a person: one block per connected board, then the orphans, each webhook on its own lines. */
export function formatWebhooksReport(report: WebhooksReport): string {
  const lines = [`Callback URL the webhooks must call: ${report.callbackUrl}`, ""];
  if (report.boards.length === 0) lines.push("No connected boards.", "");
  for (const board of report.boards) {
    lines.push(`Board ${board.boardId} (connected by member ${board.connectedBy})`);
    lines.push(`  stored:  ${board.stored.webhookId ?? "(none)"}`);
    lines.push(
      board.trello
        ? `  Trello:  ${board.trello.id}, ${state(board.trello)}, calls ${board.trello.callbackURL}`
        : "  Trello:  (none)",
    );
    if (board.problems.length === 0) lines.push("  ok");
    for (const problem of board.problems)
      lines.push(`  ${problem.code}: ${problem.message}${problem.repairable ? " (repair fixes this)" : ""}`);
    lines.push("");
  }
  lines.push(
    report.orphans.length === 0
      ? "No orphan webhooks."
      : "Orphan webhooks (no connected board relies on them; `delete --orphans` removes them):",
  );
  for (const orphan of report.orphans) {
    const watches = orphan.watchesConnectedBoard ? "a duplicate on connected board" : "model";
    lines.push(`  ${orphan.id}: ${watches} ${orphan.idModel}, ${state(orphan)}, calls ${orphan.callbackURL}`);
  }
  return `${lines.join("\n")}\n`;
}
