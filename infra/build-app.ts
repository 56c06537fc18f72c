import { type App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks, HIPAASecurityChecks } from "cdk-nag";
import { type AppConfig, loadConfig } from "./config.js";
import { resourceNames } from "./names.js";
import { StatefulStack } from "./stateful-stack.js";
import { StatelessStack } from "./stateless-stack.js";

export interface ClinicSchedulerApp {
  readonly config: AppConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export interface BuildOptions {
  /**
   * The built staff console to deploy: console/dist for `cdk synth` and deploy (infra/app.ts builds it
   * first), a small stand-in in the infra tests, which need no Vite build.
   */
  readonly consoleAssetsDir: string;
}

/**
 * Adds both stacks to `app` from its validated context and registers the cdk-nag packs, so a synth fails
 * on any unacknowledged finding. Shared by infra/app.ts and the infra tests.
 */
export function buildApp(app: App, options: BuildOptions): ClinicSchedulerApp {
  const config = loadConfig((key) => app.node.tryGetContext(key));
  const names = resourceNames(config);
  // Environment-agnostic on purpose: the account and region are those of the credentials `cdk deploy`
  // runs with, and the template (and every nag finding id) is the same offline and in CI.
  const tags = { Application: "clinic-scheduler", Stage: config.stage };

  const stateful = new StatefulStack(app, names.statefulStack, {
    config,
    names,
    tags,
    description: "Clinic scheduler: data, keys, identities and queues (retained)",
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, names.statelessStack, {
    config,
    names,
    stateful,
    consoleAssetsDir: options.consoleAssetsDir,
    tags,
    description: "Clinic scheduler: functions, HTTP API, staff console and alarms",
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { config, stateful, stateless };
}
