import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { buildApp, type ClinicSchedulerApp } from "../../infra/build-app.js";

const cdkJson = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8")) as {
  context: Record<string, unknown>;
};

/** A two-file stand-in for console/dist: the infra tests stay fast and need no Vite build. */
export const CONSOLE_STAND_IN = fileURLToPath(new URL("./console-stand-in", import.meta.url));

/** The sample clinic's context from cdk.json, as `cdk synth` sees it. */
export const sampleContext = cdkJson.context;

export interface SynthesizedApp extends ClinicSchedulerApp {
  readonly app: App;
  readonly outdir: string;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

/**
 * Builds and synthesizes the whole app once (bundling the four functions): call it once per test file.
 * The cdk-nag packs are registered by buildApp, so this throws if any finding is unacknowledged.
 */
export function synthApp(overrides: Record<string, unknown> = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), "clinic-infra-test-"));
  const app = new App({ outdir, context: { ...cdkJson.context, ...overrides } });
  const built = buildApp(app, { consoleAssetsDir: CONSOLE_STAND_IN });
  const assembly = app.synth();
  const template = (stackName: string) => Template.fromJSON(assembly.getStackByName(stackName).template);
  return {
    ...built,
    app,
    outdir,
    statefulTemplate: template(built.stateful.stackName),
    statelessTemplate: template(built.stateless.stackName),
  };
}

export type CfnResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

export const resourcesOf = (template: Template, type: string): [string, CfnResource][] =>
  Object.entries(template.findResources(type) as Record<string, CfnResource>);

/** The single resource of `type`; fails when there are none or several. */
export function onlyResource(template: Template, type: string): [string, CfnResource] {
  const all = resourcesOf(template, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}
