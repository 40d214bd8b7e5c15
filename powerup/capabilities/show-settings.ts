/** show-settings: the board's Loop settings (time zone, done lists, sprint length, leads, report). */
export async function showSettings(t: Trello.PowerUp.CallbackHandler): Promise<void> {
  await t.popup({ title: "Stakeholder Loop settings", url: "./settings.html", height: 560 });
}
