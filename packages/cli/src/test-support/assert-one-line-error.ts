import assert from "node:assert/strict";

/** Asserts one line on stderr, starting "nettopo: " and matching `pattern`, without a stack trace. */
export function assertOneLineError(stderr: string, pattern: RegExp): void {
  assert.match(
    stderr,
    /^nettopo: [^\n]+\n$/,
    `expected one error line, got ${JSON.stringify(stderr)}`,
  );
  assert.doesNotMatch(stderr, /^\s+at /m);
  assert.match(stderr, pattern);
}
