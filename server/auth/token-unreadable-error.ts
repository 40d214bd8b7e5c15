/** A stored token that the current TOKEN_ENCRYPTION_KEY cannot open: the key changed, or the sealed value was damaged. */
export class TokenUnreadableError extends Error {
  constructor() {
    super(
      "The board's stored Trello token cannot be decrypted with the current TOKEN_ENCRYPTION_KEY (was the key changed " +
        "without `npm run rotate-key`?): restore the old key and rotate it, or connect the board again",
    );
    this.name = "TokenUnreadableError";
  }
}
