import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runCli, runCliAsync } from "../test-support/run-cli.js";

describe("nettopo demo", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-demo-"));
  after(() => rmSync(directory, { recursive: true, force: true }));

  it("trains the demo network with the monitor and writes the report it describes", {
    timeout: 300_000,
  }, async () => {
    const out = join(directory, "demo");
    const { status, stdout, stderr } = await runCliAsync(["demo", "--out", out, "--quiet"]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.match(stdout, /^disk4: 1 networks, 12 epochs/);
    assert.match(stdout, /4-64-64-2 +0\.9\d+/, "the network learns D^4 (test accuracy above 90%)");
    assert.match(stdout, / H2 /, "H0, H1 and H2 are reported");
    assert.match(stdout, /The network learned D\^4 to 9\d\.\d% test accuracy/);
    assert.match(stdout, /Report: file:\/\/.*demo\/report\.html/);
    const topology = readFileSync(join(out, "4-64-64-2", "topology.jsonl"), "utf8");
    assert.equal(topology.trim().split("\n").length, 25, "a snapshot every half epoch and at 0");
    const html = readFileSync(join(out, "report.html"), "utf8");
    assert.match(html, /<script type="application\/json" id="nettopo-data">\{/);
    assert.ok(existsSync(join(out, "4-64-64-2", "model", "model.json")));
  });

  it("refuses arguments it does not take", () => {
    const { status, stderr } = runCli(["demo", "extra"]);
    assert.equal(status, 2);
    assert.equal(stderr, "nettopo: demo takes no arguments; got extra\n");
  });
});
