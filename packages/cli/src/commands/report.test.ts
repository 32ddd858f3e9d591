import assert from "node:assert/strict";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli, runCliAsync } from "../test-support/run-cli.js";
import { assertWellFormedSvg } from "../test-support/svg-structure.js";

/** The committed example run (scripts/make-example-runs.mjs --small). */
const FIXTURE = fileURLToPath(
  new URL("../../../../fixtures/report-runs/mlp-16-16", import.meta.url),
);

describe("nettopo report", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-report-"));
  after(() => rmSync(directory, { recursive: true, force: true }));
  /** A copy of the fixture run, changed by `edit`. */
  function run(name: string, edit?: (dir: string) => void): string {
    const dir = join(directory, name);
    cpSync(FIXTURE, dir, { recursive: true });
    edit?.(dir);
    return dir;
  }
  /** The JSON data written into a report. */
  function dataOf(html: string) {
    const match = /<script type="application\/json" id="nettopo-data">(.*?)<\/script>/s.exec(html);
    assert.ok(match, "the page holds its data");
    return JSON.parse(match[1]!);
  }

  it("writes one self-contained page of the runs, a run without topology.jsonl included", () => {
    const withTopology = run("with-topology");
    const bare = run("bare", (dir) => rmSync(join(dir, "topology.jsonl")));
    const out = join(directory, "report.html");
    const result = runCli(["report", withTopology, bare, "--out", out, "--title", "Two runs"]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /wrote .*report\.html \(2 runs, 1 with neuron topology\)/);
    const html = readFileSync(out, "utf8");
    assert.doesNotMatch(html, /<script[^>]+src=/, "every script is inlined");
    const data = dataOf(html);
    assert.equal(data.title, "Two runs");
    assert.deepEqual(
      data.runs.map((r: { name: string }) => r.name),
      ["with-topology", "bare"],
    );
    assert.equal(data.runs[1].topology, null);
    const snapshots = readFileSync(join(FIXTURE, "topology.jsonl"), "utf8").trim().split("\n");
    assert.equal(data.runs[0].topology.length, snapshots.length);
    assert.equal(
      data.runs[0].topology[0].summary.bettiCurves[0].curves,
      undefined,
      "per-repeat curves left out",
    );
  });

  it("ignores a torn last line of a run being written", () => {
    const torn = run("torn", (dir) => {
      appendFileSync(join(dir, "metrics.jsonl"), '{"kind":"epoch","epo');
      appendFileSync(join(dir, "topology.jsonl"), '{"kind":"neurons","epoch":9,');
    });
    const out = join(directory, "torn.html");
    assert.equal(runCli(["report", torn, "--out", out]).status, 0);
    const data = dataOf(readFileSync(out, "utf8"));
    const lines = readFileSync(join(FIXTURE, "metrics.jsonl"), "utf8").trim().split("\n");
    assert.equal(data.runs[0].records.length, lines.length);
  });

  it("writes every figure as SVG and PNG with --figures", { timeout: 120_000 }, () => {
    const figures = join(directory, "figures");
    const result = runCli([
      "report",
      FIXTURE,
      "--out",
      join(directory, "f.html"),
      "--figures",
      figures,
    ]);
    assert.equal(result.status, 0, result.stderr);
    for (const name of [
      "accuracy",
      "loss",
      "gap",
      "mlp-16-16-betti-h1",
      "mlp-16-16-diagram-epoch-5",
      "mlp-16-16-barcode-epoch-5",
      "feature-h1.total",
    ]) {
      const svg = readFileSync(join(figures, `${name}.svg`), "utf8");
      assertWellFormedSvg(svg);
      const png = readFileSync(join(figures, `${name}.png`));
      assert.deepEqual(
        [...png.subarray(0, 8)],
        [137, 80, 78, 71, 13, 10, 26, 10],
        `${name}.png is a PNG`,
      );
    }
    assert.match(result.stderr, /wrote \d+ figures as SVG and PNG/);
  });

  it("fails in one line for a missing, plain-file, non-run or damaged run directory", async () => {
    const out = join(directory, "never.html");
    const cases: [string, RegExp][] = [
      [join(directory, "missing"), /run directory ".*missing" does not exist/],
      [join(FIXTURE, "config.json"), /is a file; expected a run directory/],
      [
        mkdirSync(join(directory, "empty"), { recursive: true }) ?? join(directory, "empty"),
        /is not a run directory: it has no config\.json/,
      ],
      [
        run("bad-config", (dir) => writeFileSync(join(dir, "config.json"), "{")),
        /config\.json is not JSON/,
      ],
      [
        run("other-config", (dir) => writeFileSync(join(dir, "config.json"), "{}")),
        /is not the config of a nettopo run/,
      ],
      [
        run("bad-metrics", (dir) =>
          writeFileSync(join(dir, "metrics.jsonl"), 'nope\n{"kind":"start"}\n'),
        ),
        /metrics\.jsonl: line 1 is not a JSON record/,
      ],
      [
        run("bad-topology", (dir) =>
          writeFileSync(join(dir, "topology.jsonl"), '{"kind":"neurons","epoch":1}\n'),
        ),
        /topology\.jsonl: snapshot 1 is not a neuron-topology snapshot \(step must be/,
      ],
      [
        run("torn-topology", (dir) => appendFileSync(join(dir, "topology.jsonl"), "{\n{}\n")),
        /topology\.jsonl: line \d+ is not a JSON record/,
      ],
    ];
    const results = await Promise.all(
      cases.map(([dir]) => runCliAsync(["report", dir, "--out", out])),
    );
    results.forEach((result, k) => {
      assert.equal(result.status, 1, `${cases[k]![0]}: ${result.stderr}`);
      assertOneLineError(result.stderr, cases[k]![1]);
    });
    assert.equal(existsSync(out), false, "no report is written on error");
  });

  it("fails in one line, with usage status, without --out or a run directory", async () => {
    const [noOut, noRun, badOut] = await Promise.all([
      runCliAsync(["report", FIXTURE]),
      runCliAsync(["report", "--out", "x.html"]),
      runCliAsync(["report", FIXTURE, "--out", join(directory, "no-such-dir", "r.html")]),
    ]);
    assert.equal(noOut.status, 2);
    assertOneLineError(noOut.stderr, /--out FILE\.html is required/);
    assert.equal(noRun.status, 2);
    assertOneLineError(noRun.stderr, /expected at least one RUN_DIR/);
    assert.equal(badOut.status, 1);
    assertOneLineError(badOut.stderr, /cannot write .*no such directory/);
  });
});
