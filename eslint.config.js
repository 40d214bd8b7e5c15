// Lint rules for the whole repository: ESLint's and typescript-eslint's recommended sets, formatting left to Prettier.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");
const globals = require("globals");

module.exports = tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-output/", "data/", "**/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are already errors in tsc (noUnusedLocals/Parameters); `_` marks a deliberately ignored one.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["powerup/**", "scripts/dev-host/browser/**", "scripts/dev-host/static/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["test/**"],
    languageOptions: { globals: { ...globals.jest } },
    // Tests probe arbitrary JSON answers and payloads field by field.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["test/fixtures/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
