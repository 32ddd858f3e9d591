import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type OpenedPage, openPage } from "../../../web/dist/test-support/open-page.js";
import { BIN } from "../test-support/run-cli.js";

/** The committed example run (scripts/make-example-runs.mjs --small). */
const FIXTURE = fileURLToPath(
  new URL("../../../../fixtures/report-runs/mlp-16-16", import.meta.url),
);

/** GET (or another method) of a raw path, sent as written (no URL normalisation). */
function get(base: URL, path: string, method = "GET"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path, method, agent: false },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (d: string) => {
          body += d;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("nettopo serve", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-serve-"));
  const runDir = join(directory, "live-run");
  let child: ChildProcess;
  let stderr = "";
  let base: URL;
  let opened: OpenedPage | undefined;

  before(async () => {
    cpSync(FIXTURE, runDir, { recursive: true });
    symlinkSync("/etc/hostname", join(runDir, "link-out"));
    symlinkSync(join(runDir, "config.json"), join(runDir, "link-in"));
    child = spawn(process.execPath, [BIN, "serve", runDir, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    base = await new Promise<URL>((resolve, reject) => {
      child.stderr!.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
        const match = /serving 1 run at (http:\/\/\S+) /.exec(stderr);
        if (match) resolve(new URL(match[1]!));
      });
      child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
  });
  after(async () => {
    await opened?.browser.close();
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(directory, { recursive: true, force: true });
  });

  it("binds 127.0.0.1 and serves the page, the runs and a run's files", async () => {
    assert.equal(base.hostname, "127.0.0.1");
    const page = await get(base, "/");
    assert.equal(page.status, 200);
    assert.match(page.body, /<script type="application\/json" id="nettopo-data"><\/script>/);
    const runs = JSON.parse((await get(base, "/api/runs")).body);
    assert.equal(runs.runs[0].name, "live-run");
    const config = await get(base, "/runs/0/config.json");
    assert.equal(config.status, 200);
    assert.equal(config.body, readFileSync(join(runDir, "config.json"), "utf8"));
    assert.equal(
      (await get(base, "/runs/0/link-in")).status,
      200,
      "a link inside the run is served",
    );
  });

  it("answers 404 to every path out of the app and the run directories", async () => {
    const attempts = [
      "/runs/0/../../../../etc/passwd",
      "/runs/0/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/runs/0/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/runs/0/..%5c..%5cetc%5cpasswd",
      "/runs/0/%00",
      "/runs/0//etc/passwd",
      "//etc/passwd",
      "/etc/passwd",
      "/../etc/passwd",
      "/%2e%2e/etc/passwd",
      "/runs/0/link-out",
      "/runs/1/config.json",
      "/runs/0/",
      "/runs/0/checkpoints",
      "/runs/-1/config.json",
      "/api/runs/../../etc/passwd",
      "/runs/0/%zz",
    ];
    for (const path of attempts) {
      const { status, body } = await get(base, path);
      assert.equal(status, 404, `${path} -> ${status}`);
      assert.doesNotMatch(body, /root:/);
    }
    assert.equal((await get(base, "/runs/0/config.json", "POST")).status, 405);
  });

  it("streams new epochs to the page, which redraws its curves and diagrams live", {
    timeout: 120_000,
  }, async () => {
    opened = await openPage(base.href);
    const { page, errors } = opened;
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    await page.waitForSelector("#live-status.live");
    const epochsCell = "table.runs tr[data-run=live-run] td:nth-child(4)";
    assert.match((await page.textContent(epochsCell)) ?? "", /^5 \/ 5$/);

    const records = readFileSync(join(runDir, "metrics.jsonl"), "utf8").trim().split("\n");
    const last = JSON.parse(records.at(-1)!);
    const next = JSON.stringify({
      ...last,
      epoch: 6,
      step: last.step + 38,
      test: { loss: 0.2, accuracy: 0.9321 },
    });
    // Written in two parts: the page must wait for the complete line.
    appendFileSync(join(runDir, "metrics.jsonl"), next.slice(0, 30));
    await new Promise((resolve) => setTimeout(resolve, 700));
    appendFileSync(join(runDir, "metrics.jsonl"), `${next.slice(30)}\n`);
    await page.waitForFunction(
      `document.querySelector(${JSON.stringify(epochsCell)})?.textContent === "6 / 5"`,
      undefined,
      { timeout: 20_000 },
    );
    assert.match(
      (await page.textContent("table.runs tr[data-run=live-run] td:nth-child(6)")) ?? "",
      /93\.2%/,
    );

    const snapshots = readFileSync(join(runDir, "topology.jsonl"), "utf8").trim().split("\n");
    const snapshot = JSON.parse(snapshots.at(-1)!);
    appendFileSync(
      join(runDir, "topology.jsonl"),
      `${JSON.stringify({ ...snapshot, epoch: 6, step: last.step + 38 })}\n`,
    );
    await page.waitForSelector("figure[data-chart=diagram][data-epoch='6'][data-rendered=true]", {
      timeout: 20_000,
    });
    assert.match((await page.textContent("#epoch-label")) ?? "", /^epoch 6 /);
    assert.equal(await page.getAttribute("#epoch-slider", "max"), String(snapshots.length));
    assert.deepEqual(errors, []);
  });

  it("stops cleanly on Ctrl-C", async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGINT");
    assert.equal(await exited, 0);
    assert.match(stderr, /nettopo: stopped\n$/);
  });
});
