import { App, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks, HIPAASecurityChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../infra/config.js";
import { resourceNames } from "../../infra/names.js";
import { StatefulStack } from "../../infra/stateful-stack.js";
import { resourcesOf, sampleContext } from "./synth-app.js";

// The stateful stack alone has no Lambda bundling, so these variants synthesize in well under a second.
const statefulOnly = (overrides: Record<string, unknown>) => {
  const context = { ...sampleContext, ...overrides };
  const app = new App({ context });
  const config = loadConfig((key) => context[key]);
  const stack = new StatefulStack(app, "Stateful", { config, names: resourceNames(config) });
  return { app, stack };
};

describe("stateful stack variants", () => {
  it("verifies a sender domain with Easy DKIM and prints the DNS records to add", () => {
    const { stack } = statefulOnly({ senderDomain: "clinic.example" });
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "clinic.example" });
    expect(Object.keys(template.findOutputs("*")).filter((id) => id.startsWith("DkimRecord"))).toHaveLength(
      3,
    );
  });

  it("leaves an existing SES identity alone when createSesIdentity=false", () => {
    const { stack } = statefulOnly({ createSesIdentity: "false" });
    expect(resourcesOf(Template.fromStack(stack), "AWS::SES::EmailIdentity")).toHaveLength(0);
  });

  it("names resources after the stage, so two stages can share an account", () => {
    const { stack } = statefulOnly({ stage: "prod" });
    const template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", {
      Name: "clinic-scheduler-prod-reminders",
    });
    template.hasResourceProperties("AWS::SES::ConfigurationSet", { Name: "clinic-scheduler-prod-email" });
  });

  it("fails synth when a finding is not acknowledged (the nag gate is live)", () => {
    const { app, stack } = statefulOnly({});
    new sqs.Queue(stack, "CarelessQueue"); // no encryption choice, no TLS policy, no DLQ
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
