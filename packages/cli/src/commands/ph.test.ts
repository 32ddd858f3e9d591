import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { npyBytes } from "../test-support/npy-bytes.js";
import { interruptCli, runCli } from "../test-support/run-cli.js";

let dir = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "nettopo-ph-"));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file in the test's temporary directory and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A square of side 1: one H1 bar [1, sqrt 2). */
const SQUARE = "0 0\n1 0\n1 1\n0 1\n";

describe("nettopo ph", () => {
  it("prints the diagram of a lower-distance file as JSON with essential classes as null", () => {
    const path = file("three.txt", "\n1,\n1,1,\n");
    const { status, stdout, stderr } = runCli(["ph", path]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.equal(
      stdout,
      '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,1],[0,null]]},{"dim":1,"pairs":[]}]}\n',
    );
  });

  it("prints Ripser's barcode lines with --format text", () => {
    const path = file("square.txt", SQUARE);
    const { status, stdout } = runCli(["ph", "--input", "point-cloud", "--format", "text", path]);
    assert.equal(status, 0);
    assert.equal(
      stdout,
      "persistence intervals in dim 0:\n [0,1)\n [0,1)\n [0,1)\n [0, )\npersistence intervals in dim 1:\n [1,1.41421)\n",
    );
  });

  it("reads standard input for -", () => {
    const { status, stdout } = runCli(["ph", "--input", "point-cloud", "--dim", "0", "-"], {
      stdin: SQUARE,
    });
    assert.equal(status, 0);
    assert.equal(stdout, '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,1],[0,1],[0,null]]}]}\n');
  });

  it("guesses .npy point clouds and .csv point clouds from the file", () => {
    const npy = file("square.npy", npyBytes([4, 2], [0, 0, 1, 0, 1, 1, 0, 1]));
    const csv = file("square.csv", "x,y\n0,0\n1,0\n1,1\n0,1\n");
    const fromNpy = runCli(["ph", npy]);
    const fromCsv = runCli(["ph", csv]);
    assert.equal(fromNpy.status, 0);
    assert.equal(fromNpy.stdout, fromCsv.stdout);
    assert.match(fromNpy.stdout, /"dim":1,"pairs":\[\[1,1\.4142135\]\]/);
  });

  it("reads an n x n .npy distance matrix with --input distance", () => {
    const npy = file("d.npy", npyBytes([3, 3], [0, 1, 2, 1, 0, 3, 2, 3, 0], { descr: ">f4" }));
    const { status, stdout } = runCli(["ph", "--input", "distance", "--dim", "0", npy]);
    assert.equal(status, 0);
    assert.equal(stdout, '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,2],[0,null]]}]}\n');
  });

  it("computes correlation dissimilarities of the columns with --metric abs-correlation", () => {
    // 4 samples x 3 neurons: neuron 1 = -2 * neuron 0, neuron 2 unrelated.
    const csv = file("acts.csv", "a,b,c\n1,-2,1\n2,-4,0\n3,-6,0\n4,-8,1\n");
    const { status, stdout, stderr } = runCli([
      "ph",
      "--metric",
      "abs-correlation",
      "--dim",
      "0",
      csv,
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    // 1-|corr|: d(0,1) = 0 (a zero-length bar, left out), d(2,.) = 1.
    assert.equal(stdout, '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]}]}\n');
  });

  it("reads sparse triplets and applies --threshold", () => {
    const path = file("path.sparse", "0 1 1\n1 2 2\n2 3 3\n");
    const { status, stdout } = runCli([
      "ph",
      "--input",
      "sparse",
      "--threshold",
      "2.5",
      "--dim",
      "0",
      path,
    ]);
    assert.equal(status, 0);
    assert.equal(stdout, '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,2],[0,null],[0,null]]}]}\n');
  });

  it("writes representative cocycles with --cocycles", () => {
    const path = file("square-c.txt", SQUARE);
    const { status, stdout } = runCli([
      "ph",
      "--input",
      "point-cloud",
      "--cocycles",
      "--modulus",
      "3",
      path,
    ]);
    assert.equal(status, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.diagrams[1].pairs.length, 1);
    assert.equal(json.diagrams[1].cocycles.length, 1);
    for (const row of json.diagrams[1].cocycles[0]) {
      assert.equal(row.length, 3);
      assert.ok(row[0] > row[1], "vertices in decreasing order");
      assert.ok(row[2] === 1 || row[2] === 2, "a coefficient in Z/3");
    }
  });

  it("writes --output atomically, replacing the file and leaving no temporary file", () => {
    const sub = join(dir, "out");
    rmSync(sub, { recursive: true, force: true });
    const input = file("square-o.txt", SQUARE);
    writeFileSync(join(dir, "placeholder"), "");
    const output = join(dir, "result.json");
    writeFileSync(output, "old content");
    const { status, stdout } = runCli(["ph", "--input", "point-cloud", "--output", output, input]);
    assert.equal(status, 0);
    assert.equal(stdout, "");
    assert.match(readFileSync(output, "utf8"), /^\{"diagrams":\[/);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.includes(".tmp")),
      [],
    );
  });

  it("reports progress on stderr with --progress and keeps stdout clean", () => {
    const lines = Array.from(
      { length: 40 },
      (_, i) => `${Math.cos(i)} ${Math.sin(i * 1.3)} ${i % 7}`,
    );
    const path = file("progress.txt", `${lines.join("\n")}\n`);
    const { status, stdout, stderr } = runCli([
      "ph",
      "--input",
      "point-cloud",
      "--dim",
      "2",
      "--progress",
      path,
    ]);
    assert.equal(status, 0);
    assert.match(stdout, /^\{"diagrams"/);
    assert.match(stderr, /^nettopo: /);
  });

  it("exits 130 with one line when interrupted by SIGINT", { timeout: 60_000 }, async () => {
    // 300 seeded pseudo-random points in R^8: H3 takes far longer than the test waits.
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows = Array.from({ length: 300 }, () => Array.from({ length: 8 }, random).join(" "));
    const path = file("heavy.txt", `${rows.join("\n")}\n`);
    const output = join(dir, "interrupted.json");
    const result = await interruptCli(
      ["ph", "--input", "point-cloud", "--dim", "3", "--progress", "--output", output, path],
      /nettopo: (assembling )?H\d/,
      3000,
    );
    assert.equal(result.status, 130, result.stderr);
    const lines = result.stderr
      .split("\n")
      .filter((line) => !/^nettopo: (assembling )?H\d/.test(line) && line !== "");
    assert.deepEqual(lines, ["nettopo: interrupted (SIGINT); nothing was written"]);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.startsWith("interrupted") || name.includes(".tmp")),
      [],
    );
  });

  it("exits 130 with one line when interrupted while reading standard input", {
    timeout: 30_000,
  }, async () => {
    const result = await interruptCli(["ph", "-"], /^$/, 2000, { keepStdinOpen: true });
    assert.equal(result.status, 130, result.stderr);
    assert.equal(result.stderr, "nettopo: interrupted (SIGINT); nothing was written\n");
    assert.equal(result.stdout, "");
  });
});

describe("nettopo ph on bad input", () => {
  const cases: {
    name: string;
    args: () => string[];
    stdin?: string;
    status: number;
    message: RegExp;
  }[] = [
    {
      name: "ragged point-cloud rows",
      args: () => ["ph", "--input", "point-cloud", file("ragged.txt", "0 0\n1 2 3\n")],
      status: 1,
      message: /ragged\.txt:2:5: point 2 has more than 2 values; expected 2/,
    },
    {
      name: "a non-numeric token",
      args: () => ["ph", file("token.txt", "\n1,\n1,abc,\n")],
      status: 1,
      message: /token\.txt:3:3: non-numeric token "abc"; expected a decimal number/,
    },
    {
      name: "NaN",
      args: () => ["ph", "--input", "point-cloud", file("nan.txt", "0 0\n1 NaN\n")],
      status: 1,
      message: /nan\.txt:2:3: "NaN" is not allowed; expected a finite number/,
    },
    {
      name: "Infinity",
      args: () => ["ph", file("inf.txt", "1 inf 1")],
      status: 1,
      message: /inf\.txt:1:3: "inf" is not allowed/,
    },
    {
      name: "a negative distance",
      args: () => ["ph", file("negative.txt", "\n1,\n-1,1,\n")],
      status: 1,
      message: /negative\.txt:3:1: negative distance -1; expected distances >= 0/,
    },
    {
      name: "an asymmetric full matrix",
      args: () => ["ph", "--input", "distance", file("asym.txt", "0 1\n2 0\n")],
      status: 1,
      message:
        /asym\.txt:1:3: asymmetric distance matrix: 1 at row 0, column 1 but 2 at row 1, column 0; expected a symmetric matrix/,
    },
    {
      name: "a non-square full matrix",
      args: () => ["ph", "--input", "distance", file("rect.txt", "0 1 2\n1 0 3\n")],
      status: 1,
      message: /rect\.txt: a full distance matrix must be square; got 2 rows of 3 values/,
    },
    {
      name: "a non-prime modulus",
      args: () => ["ph", "--modulus", "4", file("m.txt", "1")],
      status: 2,
      message: /--modulus 4 is not a prime/,
    },
    {
      name: "a truncated .npy file",
      args: () => ["ph", file("cut.npy", npyBytes([3, 2], [1, 2, 3, 4, 5, 6]).subarray(0, 130))],
      status: 1,
      message:
        /cut\.npy: truncated \.npy file: shape \(3, 2\) of <f8 needs 48 bytes of data, found 2/,
    },
    {
      name: "a complex that cannot fit in memory",
      args: () => ["ph", "--input", "point-cloud", file("many.txt", "0\n".repeat(70_000))],
      status: 1,
      message: /70000 points need 2449965000 pairwise distances.*use a threshold/,
    },
    {
      name: "an unknown flag",
      args: () => ["ph", "--frobnicate", file("u.txt", "1")],
      status: 2,
      message: /unknown option --frobnicate; run 'nettopo ph --help'/,
    },
    {
      name: "a missing file",
      args: () => ["ph", join(dir, "does-not-exist.txt")],
      status: 1,
      message: /cannot read ".*does-not-exist\.txt": no such file/,
    },
    {
      name: "a directory as INPUT",
      args: () => ["ph", dir],
      status: 1,
      message: /cannot read ".*": it is a directory/,
    },
    {
      name: "no INPUT",
      args: () => ["ph"],
      status: 2,
      message: /ph needs an INPUT file/,
    },
    {
      name: "two INPUTs",
      args: () => ["ph", "a", "b"],
      status: 2,
      message: /ph takes one INPUT; got 2/,
    },
    {
      name: "a flag without its value",
      args: () => ["ph", file("v.txt", "1"), "--dim"],
      status: 2,
      message: /--dim/,
    },
    {
      name: "a non-integer --dim",
      args: () => ["ph", "--dim", "1.5", file("d.txt", "1")],
      status: 2,
      message: /--dim "1\.5" is not an integer/,
    },
    {
      name: "a negative --threshold",
      args: () => ["ph", "--threshold=-1", file("t.txt", "1")],
      status: 2,
      message: /--threshold "-1" is not a number >= 0/,
    },
    {
      name: "an unknown --format",
      args: () => ["ph", "--format", "xml", file("f.txt", "1")],
      status: 2,
      message: /--format "xml" is not known; expected one of json, text/,
    },
    {
      name: "an unknown --input",
      args: () => ["ph", "--input", "dipha", file("i.txt", "1")],
      status: 2,
      message:
        /--input "dipha" is not known; expected one of lower-distance, upper-distance, distance, point-cloud, sparse, npy, csv/,
    },
    {
      name: "an unknown --metric",
      args: () => ["ph", "--metric", "hamming", file("mm.txt", "1")],
      status: 2,
      message: /--metric "hamming" is not known/,
    },
    {
      name: "--metric with a distance matrix",
      args: () => ["ph", "--metric", "cosine", file("dm.txt", "1")],
      status: 2,
      message: /--metric applies to point clouds/,
    },
    {
      name: "--cocycles with --format text",
      args: () => ["ph", "--cocycles", "--format", "text", file("ct.txt", "1")],
      status: 2,
      message: /--cocycles needs --format json/,
    },
    {
      name: "a text format for a .npy file",
      args: () => ["ph", "--input", "sparse", file("s.npy", npyBytes([2, 2], [0, 1, 1, 0]))],
      status: 2,
      message: /--input sparse cannot read .*s\.npy, a \.npy file/,
    },
    {
      name: "--input npy for a text file",
      args: () => ["ph", "--input", "npy", file("n.txt", "1")],
      status: 1,
      message: /n\.txt: not a \.npy file/,
    },
    {
      name: "an output in a missing directory",
      args: () => ["ph", "--output", join(dir, "missing", "out.json"), file("o.txt", "1")],
      status: 1,
      message: /cannot write ".*out\.json": no such directory/,
    },
    {
      name: "empty standard input",
      args: () => ["ph", "-"],
      stdin: "",
      status: 1,
      message: /<stdin>: no values found/,
    },
    {
      name: "a count of values that is not triangular",
      args: () => ["ph", file("tri.txt", "1 2")],
      status: 1,
      message: /tri\.txt: 2 values do not form a lower-triangular distance matrix/,
    },
    {
      name: "a .npy array that is not 2-D",
      args: () => ["ph", file("one.npy", npyBytes([3], [1, 2, 3]))],
      status: 1,
      message: /one\.npy: \.npy array has shape \(3,\); expected a 2-D array/,
    },
  ];

  for (const { name, args, stdin, status, message } of cases) {
    it(`gives one line and exit code ${status} for ${name}`, () => {
      const result = runCli(args(), stdin === undefined ? {} : { stdin });
      assert.equal(result.stdout, "");
      assertOneLineError(result.stderr, message);
      assert.equal(result.status, status, result.stderr);
    });
  }

  it("prints the stack of an error only with NETTOPO_DEBUG=1", () => {
    const path = file("debug.txt", "0 1\n2 0\n");
    const quiet = runCli(["ph", "--input", "distance", path]);
    assertOneLineError(quiet.stderr, /asymmetric/);
    const debug = runCli(["ph", "--input", "distance", path], { env: { NETTOPO_DEBUG: "1" } });
    assert.equal(debug.status, 1);
    assert.match(debug.stderr, /^nettopo: [^\n]*asymmetric[^\n]*\n/);
    assert.match(debug.stderr, /^\s+at /m);
  });
});
