import fs from "node:fs";

// Debian's fonts-dejavu-core (pulled in by fontconfig, so by Chromium) covers Latin, Greek and Cyrillic.
const UNICODE_FONTS = [
  { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" },
  { regular: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", bold: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf" },
];

const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const FOLDS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", ı: "i", Ħ: "H", ħ: "h", "→": "->", "←": "<-", "✓": "v" };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || CP1252_EXTRAS.includes(char);
}

/** Folds text to what Helvetica's WinAnsi encoding can show: accents dropped where needed, "?" for the rest. */
export function foldToWinAnsi(text: string): string {
  let folded = "";
  for (const char of text) {
    if (isWinAnsi(char)) folded += char;
    else if (FOLDS[char]) folded += FOLDS[char];
    else {
      const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "");
      folded += stripped !== "" && [...stripped].every(isWinAnsi) ? stripped : "?";
    }
  }
  return folded;
}

export interface FontFiles {
  regular: string;
  bold: string;
}

/** A Unicode TrueType pair (regular, bold) installed on this machine, if any. */
export function findUnicodeFontFiles(candidates: FontFiles[] = UNICODE_FONTS): FontFiles | undefined {
  return candidates.find((pair) => fs.existsSync(pair.regular) && fs.existsSync(pair.bold));
}
