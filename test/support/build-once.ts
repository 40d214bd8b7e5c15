import { execFileSync } from "node:child_process";
import path from "node:path";

/** Compiles the project once before the suite, so tests that run `npm start`/`npm run report` run this code. */
export default function buildOnce(): void {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: path.resolve(__dirname, "../.."), stdio: "inherit" });
}
