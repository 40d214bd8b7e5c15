/**
 * The order in which actions took effect: Trello's action date, then the action id (Trello ids grow
 * with time, so they break ties between actions in the same millisecond). Compared as plain strings.
 */
export function actionVersion(date: string, actionId: string): string {
  return `${new Date(date).toISOString()}|${actionId}`;
}
