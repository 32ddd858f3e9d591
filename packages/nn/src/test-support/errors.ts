import assert from "node:assert/strict";

/**
 * Test support: asserts that `run` throws a TypeError or RangeError (the
 * boundary errors of nettopo) whose message is one line and matches
 * `pattern`; `kind` narrows the class.
 */
export function assertOneLineError(
  run: () => unknown,
  pattern: RegExp,
  kind?: typeof TypeError | typeof RangeError,
): Error {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown !== undefined, `expected an error matching ${pattern}, nothing was thrown`);
  assertBoundaryError(thrown);
  if (kind !== undefined)
    assert.ok(thrown instanceof kind, `expected a ${kind.name}, got ${String(thrown)}`);
  assert.match((thrown as Error).message, pattern);
  return thrown as Error;
}

/** Asserts that an asynchronous `run` rejects with a one-line TypeError or RangeError matching `pattern`. */
export async function assertOneLineRejection(
  run: () => Promise<unknown>,
  pattern: RegExp,
  kind?: typeof TypeError | typeof RangeError,
): Promise<void> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown !== undefined, `expected a rejection matching ${pattern}, none came`);
  assertBoundaryError(thrown);
  if (kind !== undefined)
    assert.ok(thrown instanceof kind, `expected a ${kind.name}, got ${String(thrown)}`);
  assert.match((thrown as Error).message, pattern);
}

/** Asserts that `error` is a TypeError or RangeError with a non-empty one-line message. */
export function assertBoundaryError(error: unknown): void {
  assert.ok(
    error instanceof TypeError || error instanceof RangeError,
    `expected a TypeError or RangeError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  assert.ok(
    error.message.length > 0 && !error.message.includes("\n"),
    `not one line: ${JSON.stringify(error.message)}`,
  );
}

/** Runs `run`; returns its result, or the error after checking it is a one-line boundary error. */
export function resultOrBoundaryError<T>(run: () => T): { value: T } | { error: Error } {
  try {
    return { value: run() };
  } catch (error) {
    assertBoundaryError(error);
    return { error: error as Error };
  }
}
