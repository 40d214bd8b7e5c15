/** on-enable: the first-run guide. */
export async function onEnable(t: Trello.PowerUp.CallbackHandler): Promise<void> {
  await t.modal({ title: "Welcome to Stakeholder Loop", url: "./guide.html", height: 520 });
}
