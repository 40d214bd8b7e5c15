/** The render pool's queue is full: the service is already rendering as much as it will take on. */
export class RenderBusyError extends Error {
  constructor(message = "The service is rendering as many reports as it takes on at once") {
    super(message);
    this.name = "RenderBusyError";
  }
}
