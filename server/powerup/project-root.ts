import fs from "node:fs";
import path from "node:path";

/** The folder holding package.json, whether this runs compiled from dist/ or as TypeScript under ts-jest. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
