import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli } from "../test-support/run-cli.js";
import { scratchDirectory } from "../test-support/scratch-directory.js";

const { dir, file } = scratchDirectory("nettopo-plot-");

const A = file(
  "a.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]},{"dim":1,"pairs":[[1,3],[2,2.5]]}]}',
);
const B = file(
  "b.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,2],[0,null]]},{"dim":1,"pairs":[[1.5,2.5]]}]}',
);
const C = file(
  "c.json",
  '{"diagrams":[{"dim":0,"pairs":[[0,null]]},{"dim":1,"pairs":[[1,2],[1.2,1.4]]}]}',
);

describe("nettopo plot", () => {
  it("draws an SVG persistence diagram with its axes and the ∞ line", () => {
    const out = join(dir, "a.svg");
    const { status, stderr } = runCli(["plot", A, "--out", out]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const svg = readFileSync(out, "utf8");
    assert.match(svg, /^<svg/);
    for (const text of ["Birth", "Death", "∞", "H0", "H1"]) assert.ok(svg.includes(text), text);
  });

  it("writes a PNG for a .png name and the Vega-Lite spec for a .json name", () => {
    const png = join(dir, "b.png");
    assert.equal(runCli(["plot", A, "--kind", "barcode", "--out", png]).status, 0);
    assert.deepEqual(
      [...readFileSync(png).subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    );
    const json = join(dir, "betti.json");
    assert.equal(runCli(["plot", A, B, "--kind", "betti", "--dim", "1", "--out", json]).status, 0);
    const spec = JSON.parse(readFileSync(json, "utf8"));
    assert.match(spec.$schema, /vega-lite/);
    assert.match(JSON.stringify(spec), /a\.json/);
  });

  it("averages Betti curves with a confidence band", () => {
    const json = join(dir, "mean.json");
    const args = ["plot", A, B, C, "--kind", "betti", "--dim", "1", "--average", "--out", json];
    assert.equal(runCli(args).status, 0);
    assert.match(
      readFileSync(json, "utf8"),
      /Mean betti curves of 3 diagrams, 95% confidence band/,
    );
  });

  it("says in one line what a plot needs", () => {
    const cases: [string[], RegExp][] = [
      [[A, B, "--kind", "barcode", "--out", "x.svg"], /--kind barcode draws one diagram; got 2/],
      [
        [A, "--kind", "image", "--out", "x.svg"],
        /--kind image needs --dim K: the diagrams hold dims 0, 1/,
      ],
      [
        [A, "--kind", "betti", "--dim", "1", "--average", "--out", "x.svg"],
        /--average needs at least two diagrams/,
      ],
      [
        [A, "--out", "x.gif"],
        /the extension of --out ".gif" is not known; expected one of .svg, .png, .json/,
      ],
      [[A], /plot needs --out/],
    ];
    for (const [args, pattern] of cases) {
      const { status, stderr } = runCli(["plot", ...args]);
      assert.equal(status, 2, args.join(" "));
      assertOneLineError(stderr, pattern);
    }
  });

  it("writes the interactive page for a .html name, with the files inlined", () => {
    const out = join(dir, "view.html");
    const { status, stderr } = runCli(["plot", A, B, "--dim", "1", "--out", out]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const html = readFileSync(out, "utf8");
    const data = JSON.parse(/id="nettopo-data">(.*?)<\/script>/s.exec(html)![1]!);
    assert.deepEqual(
      data.files.map((f: { label: string; kind: string }) => [f.label, f.kind]),
      [
        ["a.json", "diagram"],
        ["b.json", "diagram"],
      ],
    );
    assert.deepEqual(data.dims, [1]);
    assert.deepEqual(data.files[0].repeats[0].diagrams[1].pairs, [
      [1, 3],
      [2, 2.5],
    ]);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/);
    // The page draws no cocycle: a --cocycles file's are left out.
    const cocycles = file(
      "cocycles.json",
      '{"diagrams":[{"dim":0,"pairs":[[0,1]]},{"dim":1,"pairs":[[1,2]],"cocycles":[[[1,0,1]]]}]}',
    );
    assert.equal(runCli(["plot", cocycles, "--out", out]).status, 0);
    const page = readFileSync(out, "utf8");
    assert.match(page, /"pairs":\[\[1,2\]\]/);
    assert.doesNotMatch(page, /"cocycles"/);
  });

  it("says in one line what is wrong with the input of a page", () => {
    const neurons = file(
      "boot.json",
      '{"repeats":[{"diagrams":[{"dim":0,"pairs":[[0,1]]}]},{"diagrams":[{"dim":0,"pairs":[[2,1]]}]}]}',
    );
    const valid = file("good.json", '{"repeats":[{"diagrams":[{"dim":0,"pairs":[[0,1]]}]}]}');
    const usage: [string[], RegExp][] = [
      [["--out", "x.html"], /plot needs at least one DIAGRAM file/],
      [[A, "--kind", "barcode", "--out", "x.html"], /--kind does not apply to an HTML page/],
      [[valid, "--out", "x.svg"], /good\.json is a nettopo neurons bootstrap .*--out FILE\.html/],
    ];
    for (const [args, pattern] of usage) {
      const { status, stderr } = runCli(["plot", ...args]);
      assert.equal(status, 2, args.join(" "));
      assertOneLineError(stderr, pattern);
    }
    const data: [string[], RegExp][] = [
      [
        [join(dir, "missing.json"), "--out", join(dir, "x.html")],
        /cannot read .*missing\.json.*no such file/,
      ],
      [[neurons, "--out", join(dir, "x.html")], /boot\.json: repeats\[1\]: .*death/],
      [
        [file("empty.json", '{"repeats":[]}'), "--out", join(dir, "x.html")],
        /empty\.json: .*no repeat/,
      ],
      [
        [
          file(
            "band.json",
            '{"repeats":[{"diagrams":[]}],"summary":{"bettiCurves":[{"dim":1,"grid":[0,1],"mean":[1]}]}}',
          ),
          "--out",
          join(dir, "x.html"),
        ],
        /band\.json: summary\.bettiCurves\[0\]\.mean has 1 values but the grid has 2/,
      ],
      [[A, "--out", join(dir, "no-such-dir", "x.html")], /cannot write .*no such directory/],
    ];
    for (const [args, pattern] of data) {
      const { status, stderr } = runCli(["plot", ...args]);
      assert.equal(status, 1, args.join(" "));
      assertOneLineError(stderr, pattern);
    }
  });
});
