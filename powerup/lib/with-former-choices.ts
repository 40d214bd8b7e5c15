export interface Choice {
  value: string;
  label: string;
}

/**
 * The choices plus one for each saved id that is no longer among them (an archived card, a member who left the
 * board), so saving a form again never drops what a record already names.
 */
export function withFormerChoices(
  choices: Choice[],
  saved: readonly (string | undefined)[],
  label: (id: string) => string,
): Choice[] {
  const known = new Set(choices.map((c) => c.value));
  const former = [...new Set(saved)]
    .filter((id): id is string => !!id && !known.has(id))
    .map((id) => ({ value: id, label: label(id) }));
  return [...choices, ...former];
}
