import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedApp } from "../support/documented-app.js";
import { tempDir } from "../support/temp-dir.js";

const run = promisify(execFile);
const REDOCLY = join(process.cwd(), "node_modules/@redocly/cli/bin/cli.js");

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/**
 * The served document passes Redocly's linter with its recommended rules, warnings included. The CLI
 * (one process, about 2 s) rather than its internals: that is what a reviewer or CI would run.
 */
describe("the OpenAPI document, linted", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  let doc: {
    paths: Record<string, Record<string, { operationId?: string; summary?: string; description?: string }>>;
  };
  beforeAll(async () => {
    dir = await tempDir("openapi-lint-");
    const text = await (await documentedApp().request("/openapi.json")).text();
    doc = JSON.parse(text);
    file = join(dir.path, "openapi.json");
    await writeFile(file, text);
  });
  afterAll(() => dir.remove());

  it("has no error and no warning under Redocly's recommended rules", async () => {
    const { stdout } = await run(
      process.execPath,
      [REDOCLY, "lint", file, "--extends=recommended", "--format=json", "--lint-config=off"],
      {
        cwd: dir.path,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as LintReport;
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it("gives every operation a unique operationId, a summary and a description, local routes included", () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })),
    );
    expect(operations.map((o) => o.at)).toEqual(
      expect.arrayContaining([
        "GET /health",
        "GET /openapi.json",
        "GET /unsubscribe/{token}",
        "GET /local/dead-letters",
      ]),
    );
    for (const op of operations) {
      expect(op.operationId, op.at).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary?.length, op.at).toBeGreaterThan(5);
      expect(op.description?.length, op.at).toBeGreaterThan(20);
    }
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });
});
