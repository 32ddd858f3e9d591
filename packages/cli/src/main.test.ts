import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertOneLineError } from "./test-support/assert-one-line-error.js";
import { runCli } from "./test-support/run-cli.js";

describe("nettopo", () => {
  it("prints the usage listing the commands with --help, -h and help", () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { status, stdout, stderr } = runCli(args);
      assert.equal(status, 0);
      assert.equal(stderr, "");
      assert.match(stdout, /^Usage: nettopo <command> \[options\]/);
      assert.match(stdout, /^ {2}ph INPUT/m);
      assert.match(stdout, /^ {2}help \[COMMAND\]/m);
    }
  });

  it("prints the help of a command with help COMMAND and COMMAND --help", () => {
    const viaHelp = runCli(["help", "ph"]);
    const viaFlag = runCli(["ph", "--help"]);
    assert.equal(viaHelp.status, 0);
    assert.equal(viaHelp.stdout, viaFlag.stdout);
    assert.match(viaHelp.stdout, /^Usage: nettopo ph \[options\] INPUT/);
    for (const flag of [
      "--input",
      "--metric",
      "--dim",
      "--threshold",
      "--modulus",
      "--cocycles",
      "--format",
      "--output",
      "--progress",
    ]) {
      assert.match(viaHelp.stdout, new RegExp(`^ {2}${flag}\\b`, "m"), flag);
    }
  });

  it("prints the version of the package with --version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const { status, stdout } = runCli(["--version"]);
    assert.equal(status, 0);
    assert.equal(stdout, `${pkg.version}\n`);
  });

  it("prints the usage on stderr and exits 2 without arguments", () => {
    const { status, stdout, stderr } = runCli([]);
    assert.equal(status, 2);
    assert.equal(stdout, "");
    assert.match(stderr, /^Usage: nettopo/);
  });

  it("refuses an unknown command or option in one line with exit code 2", () => {
    const command = runCli(["frobnicate"]);
    assert.equal(command.status, 2);
    assertOneLineError(
      command.stderr,
      /unknown command "frobnicate"; expected one of: demo, ph, .*help/,
    );
    const option = runCli(["--frobnicate"]);
    assert.equal(option.status, 2);
    assertOneLineError(option.stderr, /unknown option "--frobnicate"/);
    const help = runCli(["help", "frobnicate"]);
    assert.equal(help.status, 2);
    assertOneLineError(help.stderr, /unknown command/);
  });
});
