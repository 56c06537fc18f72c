import type { AppConfig } from "./config.js";

/**
 * Physical names that must be known before either stack exists. The Scheduler role (stateful stack)
 * may invoke only send-reminder (stateless stack): naming that function up front lets the role's policy
 * name its ARN without a stateful -> stateless reference (which would be a cross-stack cycle), and keeps
 * the target ARN in already-created schedules valid when the stateless stack is replaced.
 */
export const resourceNames = (config: Pick<AppConfig, "stage">) => {
  const prefix = `clinic-scheduler-${config.stage}`;
  return {
    prefix,
    statefulStack: `ClinicScheduler-${config.stage}-Stateful`,
    statelessStack: `ClinicScheduler-${config.stage}-Stateless`,
    scheduleGroup: `${prefix}-reminders`,
    configurationSet: `${prefix}-email`,
    function: (name: FunctionName) => `${prefix}-${name}`,
  };
};

export type FunctionName =
  | "admin-api"
  | "patient-pages"
  | "schedule-sync"
  | "send-reminder"
  | "email-events"
  | "reconciler"
  | "rems-watch";

export type ResourceNames = ReturnType<typeof resourceNames>;
