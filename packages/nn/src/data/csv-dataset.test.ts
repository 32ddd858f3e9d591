import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/errors.js";
import {
  decodeNumber,
  fixtureBytes,
  fixtureJson,
  type JsonNumber,
} from "../test-support/fixtures.js";
import { csvDataset } from "./csv-dataset.js";

interface CsvCase {
  readonly file: string;
  readonly labelColumn: string;
  readonly classNames: string[];
  readonly labels: number[];
  readonly shape: number[];
  readonly values: JsonNumber[];
}

// Written by scripts/fixtures/data.py; values as np.loadtxt reads them.
const fixture = fixtureJson<{ csv: CsvCase }>("manifest.json")!.csv;

describe("csvDataset", () => {
  it("reads the fixture as np.loadtxt does, with text labels as sorted class names", () => {
    const d = csvDataset(fixtureBytes(fixture.file), {
      labelColumn: fixture.labelColumn,
      name: "points",
    });
    assert.equal(d.count, fixture.shape[0]);
    assert.deepEqual(d.sampleShape, [fixture.shape[1]]);
    assert.deepEqual(
      [...d.inputs],
      fixture.values.map((v) => Math.fround(decodeNumber(v))),
    );
    assert.deepEqual(d.classNames, fixture.classNames);
    assert.deepEqual([...d.labels!], fixture.labels);
  });

  it("takes a label column by index, detects headers, keeps integer labels, honours quotes", () => {
    const d = csvDataset("1,2,0\n3,4,2\n5,6,1\n", { labelColumn: -1 });
    assert.deepEqual([...d.inputs], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...d.labels!], [0, 2, 1]);
    assert.equal(d.classNames, undefined);
    const q = csvDataset(
      '"x","y, the second","label"\r\n1,2,"a ""b"""\r\n\r\n# comment\r\n3,4,c\r\n',
      { labelColumn: "label" },
    );
    assert.deepEqual(q.classNames, ['a "b"', "c"]);
    const signs = csvDataset("x;y\n1;-1\n2;1\n", { labelColumn: "y", delimiter: ";" });
    assert.deepEqual(signs.classNames, ["-1", "1"]);
    assert.deepEqual([...signs.labels!], [0, 1]);
    const noLabels = csvDataset("a,b\n1,2\n");
    assert.equal(noLabels.labels, undefined);
    assert.deepEqual(noLabels.sampleShape, [2]);
  });

  it("names the line and column of a bad value", () => {
    assertOneLineError(
      () => csvDataset("a,b\n1,2\n3,x\n", { name: "f.csv" }),
      /^csvDataset: f\.csv line 3, column "b" is "x"; expected a number$/,
      TypeError,
    );
    assertOneLineError(
      () => csvDataset("a,b\n1,nan\n"),
      /line 2, column "b" is nan; expected a finite number/,
      RangeError,
    );
    assertOneLineError(
      () => csvDataset("1,2\n3\n"),
      /line 2 has 1 fields; the first row has 2/,
      RangeError,
    );
    assertOneLineError(() => csvDataset("1,2\n3,\n"), /line 2, column 2 is empty/, RangeError);
    assertOneLineError(
      () => csvDataset("a,b\n1,2\n", { labelColumn: "c" }),
      /has no column "c"; its columns are "a", "b"/,
      RangeError,
    );
    assertOneLineError(
      () => csvDataset("1,2\n", { labelColumn: "c" }),
      /needs a header row/,
      RangeError,
    );
    assertOneLineError(() => csvDataset("\n\n"), /has no rows/, RangeError);
    assertOneLineError(() => csvDataset('a\n"1\n'), /unterminated quoted field/, RangeError);
  });
});
