import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { readRawBody } from "../../../server/http/read-raw-body";

/** A request body arriving in chunks; `complete` as Node sets it once the whole body has come. */
function requestOf(chunks: string[], { endsCleanly = true } = {}): IncomingMessage {
  const stream = new Readable({ read() {} }) as Readable & { complete: boolean };
  stream.complete = false;
  setImmediate(() => {
    for (const chunk of chunks) stream.push(Buffer.from(chunk));
    if (endsCleanly) {
      stream.complete = true;
      stream.push(null);
    } else {
      stream.destroy();
    }
  });
  return stream as unknown as IncomingMessage;
}

describe("readRawBody", () => {
  it("When a body arrives in chunks, then it is the exact bytes in order", async () => {
    await expect(readRawBody(requestOf(['{"a":', '"é"}']), 100)).resolves.toEqual(Buffer.from('{"a":"é"}'));
  });

  it("When a body with no declared length passes the limit, then it is refused with 413 naming the limit", async () => {
    await expect(readRawBody(requestOf(["x".repeat(600), "x".repeat(600)]), 1024)).rejects.toMatchObject({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "The request body is over this route's limit of 1 KiB",
    });
  });

  it("When the connection closes before the body is complete, then it is refused with 400 rather than left waiting", async () => {
    await expect(readRawBody(requestOf(['{"a":'], { endsCleanly: false }), 100)).rejects.toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
    });
  });
});
