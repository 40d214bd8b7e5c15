/** Why an operation was refused: the REST layer turns these into Trello's texts, the admin API into JSON errors. */
export type SimErrorKind = "not-found" | "invalid" | "forbidden";

/** An operation refused for a reason a caller can act on (unknown id, bad value, no access). */
export class SimError extends Error {
  constructor(
    readonly kind: SimErrorKind,
    /** The parameter or model at fault, as Trello names it (`idList`, `name`, `card`). */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "SimError";
  }
}

/** No model of that kind has the given id. */
export function notFound(model: string): SimError {
  return new SimError("not-found", model, `No ${model} with that id`);
}

/** A parameter has a value Trello would refuse. */
export function invalidValue(field: string, why?: string): SimError {
  return new SimError("invalid", field, why ? `invalid value for ${field}: ${why}` : `invalid value for ${field}`);
}
