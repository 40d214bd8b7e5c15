import path from "node:path";
import { rotateTokenKey, RotationRefusedError } from "../../../server/auth/rotate-token-key";
import { createTokenCipher } from "../../../server/auth/token-cipher";
import { createStore } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";
import { makeTempDir } from "../../support/test-app";

const oldKey = createTokenCipher(Buffer.alloc(32, 1));
const newKey = createTokenCipher(Buffer.alloc(32, 2));
const BOARD = "b".repeat(24);
const CARD = "c".repeat(24);
const URL_ = "https://hooks.slack.com/services/T0/B0/secret";

describe("rotating TOKEN_ENCRYPTION_KEY with chat webhook URLs stored", () => {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, "loop.db"));
  const store = createStore(db);
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it("When the key is rotated, then each webhook URL opens with the new key, and a second run changes nothing", () => {
    store.chatWebhooks.save(BOARD, CARD, oldKey.encrypt(URL_), "member", new Date());
    expect(rotateTokenKey(store, oldKey, newKey)).toEqual({ rotated: 1, alreadyNew: 0 });
    expect(newKey.decrypt(store.chatWebhooks.getSealed(BOARD, CARD)!)).toBe(URL_);
    expect(rotateTokenKey(store, oldKey, newKey)).toEqual({ rotated: 0, alreadyNew: 1 });
  });

  it("When a webhook URL opens with neither key, then nothing is rotated", () => {
    const third = createTokenCipher(Buffer.alloc(32, 3));
    store.chatWebhooks.save(BOARD, "d".repeat(24), third.encrypt(URL_), "member", new Date());
    const before = store.chatWebhooks.getSealed(BOARD, CARD);
    expect(() => rotateTokenKey(store, newKey, createTokenCipher(Buffer.alloc(32, 4)))).toThrow(RotationRefusedError);
    expect(store.chatWebhooks.getSealed(BOARD, CARD)).toBe(before);
  });
});
