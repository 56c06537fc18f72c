import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  CreateScheduleGroupCommand,
  GetScheduleGroupCommand,
  SchedulerClient,
} from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type ServerType, serve } from "@hono/node-server";
import type { z } from "zod";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { documentClient } from "../shared/adapters/dynamodb/client.js";
import { DynamoDbStore } from "../shared/adapters/dynamodb/dynamodb-store.js";
import { EventBridgeReminderScheduler } from "../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { SesMailer } from "../shared/adapters/ses/ses-mailer.js";
import { type Clinic, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeEmailEventsHandler } from "../shared/handlers/email-events-handler.js";
import { makeScheduleSyncHandler } from "../shared/handlers/schedule-sync-handler.js";
import { makeSendReminderHandler } from "../shared/handlers/send-reminder-handler.js";
import { createApp } from "../shared/http/app.js";
import { hs256Tokens } from "../shared/http/authenticators.js";
import { DEFAULT_LOCAL_JWT_SECRET } from "../shared/http/local-token.js";
import { randomIds } from "../shared/ports/id-source.js";
import type { ReminderJob } from "../shared/ports/reminder-scheduler.js";
import type { firedReminderSchema } from "../shared/schemas/local-clock.schema.js";
import type { ReminderDeps, SendOutcome } from "../shared/use-cases/send-reminder.js";
import { serveConsole } from "./console-assets.js";
import { ensureTable } from "./create-table.js";
import { type DynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from "./dynamodb-local.js";
import { assertPortFree } from "./free-port.js";
import { InFlight } from "./in-flight.js";
import { LocalClock } from "./local-clock.js";
import { registerLocalRoutes } from "./local-routes.js";
import { registerLocalSignIn } from "./local-sign-in.js";
import { simulatedMailboxEvents } from "./mailbox-simulator.js";
import { type SchedulerEmulator, startSchedulerEmulator } from "./scheduler-emulator/index.js";
import { readSesStore, type SesEmulator, startSesEmulator } from "./ses-emulator.js";
import { createStreamPoller, type StreamPoller } from "./stream-poller.js";

export interface LocalStackOptions {
  port: number;
  sesPort: number;
  dynamodbPort: number;
  /** 0 picks a free port. */
  schedulerPort?: number;
  /** Where data persists; undefined keeps everything in memory. */
  dataDir?: string;
  jwtSecret?: string;
  tableName?: string;
  clinic?: Clinic;
  /** Start time of the local clock on a first start (default: now). */
  initialTime?: Date;
  /** Poll the stream in the background (npm start); tests call settle() instead. */
  backgroundPollMs?: number;
  /** Use DynamoDB Local and the SES emulator already running there instead of starting them (tests). */
  external?: { dynamodbEndpoint: string; sesEndpoint: string };
  /** Browser origins the API answers CORS for (a test serving the console from another origin, as AWS does). */
  corsOrigins?: string[];
  /** Wraps send-reminder, so tests can make the scheduler's target fail. */
  wrapSendReminder?: (
    send: (input: unknown) => Promise<SendOutcome>,
  ) => (input: unknown) => Promise<SendOutcome>;
}

/** One reminder a clock move fired, and what send-reminder did with it (the /local/clock reply). */
export type FiredReminder = z.infer<typeof firedReminderSchema>;

export const SENDER_EMAIL = "reminders@clinic.local";
const FAKE_ARN = (what: string) => `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${what}`;

/**
 * The whole system on one machine, through the same handlers and AWS SDK clients as in AWS:
 * DynamoDB Local with its stream, the SES v2 emulator, the Scheduler emulator firing at the local clock,
 * and a poller feeding the stream to schedule-sync as Lambda would.
 */
export async function startLocalStack(options: LocalStackOptions) {
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    if (options.port !== 0) await assertPortFree(options.port, "API");
    let dynamodb: Pick<DynamoDbLocal, "endpoint">;
    let ses: Pick<SesEmulator, "endpoint" | "store">;
    if (options.external) {
      dynamodb = { endpoint: options.external.dynamodbEndpoint };
      const endpoint = options.external.sesEndpoint;
      ses = { endpoint, store: () => readSesStore(endpoint) };
    } else {
      const [db, mail] = await Promise.all([
        startDynamoDbLocal({
          port: options.dynamodbPort,
          ...(options.dataDir ? { dataDir: join(options.dataDir, "dynamodb") } : {}),
        }),
        startSesEmulator({ port: options.sesPort }),
      ]);
      stops.push(
        () => db.stop(),
        () => mail.stop(),
      );
      dynamodb = db;
      ses = mail;
    }

    const tableName = options.tableName ?? "clinic-scheduler-local";
    const aws = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const dynamo = new DynamoDBClient({ ...aws, endpoint: dynamodb.endpoint });
    const streamArn = await ensureTable(dynamo, tableName);
    const doc = documentClient(dynamo);
    const clock = new LocalClock({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.initialTime ? { initial: options.initialTime } : {}),
    });
    const store = new DynamoDbStore(doc, tableName, () => Math.floor(clock.now().getTime() / 1000));
    const clinicDefaults = options.clinic ?? DEFAULT_CLINIC;
    if (!(await store.getClinic())) await store.putClinic(clinicDefaults);
    const deps = { store, clock, ids: randomIds, clinicDefaults };
    let apiUrl = `http://localhost:${options.port}`;

    // send-reminder, with a mailer that also plays SES's mailbox simulator (bounce@, complaint@).
    const emailEvents = makeEmailEventsHandler(deps);
    const sesMailer = new SesMailer(
      withoutSdkLogging(new SESv2Client({ ...aws, endpoint: ses.endpoint })),
      SENDER_EMAIL,
    );
    const reminderDeps: ReminderDeps = {
      ...deps,
      mailer: simulatedMailboxEvents(sesMailer, emailEvents),
      senderEmail: SENDER_EMAIL,
      publicApiUrl: apiUrl,
    };
    const sendReminder = makeSendReminderHandler(reminderDeps);
    const fired: FiredReminder[] = [];
    const send = options.wrapSendReminder ? options.wrapSendReminder(sendReminder) : sendReminder;
    const runSendReminder = async (input: unknown) => {
      const outcome = await send(input);
      const job = input as ReminderJob;
      fired.push({
        ...job,
        result: outcome.result,
        ...("reason" in outcome ? { reason: outcome.reason } : {}),
      });
      return outcome;
    };

    const scheduler: SchedulerEmulator = await startSchedulerEmulator({
      port: options.schedulerPort ?? 0,
      ...(options.dataDir ? { dataDir: join(options.dataDir, "scheduler") } : {}),
      invoke: async (_arn, input) => {
        await runSendReminder(JSON.parse(input));
      },
    });
    stops.push(() => scheduler.stop());
    const schedulerClient = withoutSdkLogging(new SchedulerClient({ ...aws, endpoint: scheduler.endpoint }));
    const groupName = "clinic-reminders";
    await schedulerClient
      .send(new GetScheduleGroupCommand({ Name: groupName }))
      .catch(() => schedulerClient.send(new CreateScheduleGroupCommand({ Name: groupName })));
    const asyncInvokes = new InFlight();
    const reminderScheduler = new EventBridgeReminderScheduler(
      schedulerClient,
      {
        groupName,
        targetArn: FAKE_ARN("send-reminder"),
        roleArn: "arn:aws:iam::000000000000:role/scheduler-invokes-send-reminder",
        deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:schedule-dlq",
      },
      // Lambda's async invoke, locally: in the background, with its retries and failure record.
      async (job) => asyncInvokes.run(job, runSendReminder),
    );
    const poller: StreamPoller = createStreamPoller({
      endpoint: dynamodb.endpoint,
      ...aws,
      streamArn,
      handler: makeScheduleSyncHandler({ scheduler: reminderScheduler, clock }),
      ...(options.dataDir ? { stateFile: join(options.dataDir, "stream-state.json") } : {}),
    });
    stops.push(() => poller.stop());

    /** Runs the pipeline until quiet: stream → schedules → due sends → their own stream records. */
    const settle = async () => {
      for (let round = 0; round < 20; round++) {
        const records = await poller.drain();
        await asyncInvokes.idle();
        const due = await scheduler.fireDue(clock.now());
        await asyncInvokes.idle();
        if (records === 0 && due.length === 0) return;
      }
    };
    const advance = async (next: Date) => {
      await settle();
      const from = fired.length;
      clock.set(next);
      await settle();
      return fired.slice(from);
    };

    /** Everything that did not make it: scheduler dead letters, failed async invokes, stream failures. */
    const deadLetters = () => ({
      schedules: scheduler.deadLetters(),
      invokes: asyncInvokes.failures(),
      stream: poller.failures(),
    });

    const jwtSecret = options.jwtSecret ?? DEFAULT_LOCAL_JWT_SECRET;
    const authenticate = hs256Tokens(jwtSecret);
    const app = createApp({
      deps,
      authenticate,
      publicUrl: apiUrl,
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      extraRoutes: (a) => {
        registerLocalRoutes(a, { clock, advance, deadLetters });
        // The staff console at /console/, and its role picker's sign-in.
        registerLocalSignIn(a, jwtSecret);
        serveConsole(a.app);
      },
    });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname: "127.0.0.1" }, () => resolve(s));
    });
    // Port 0 (tests) is only known once listening.
    if (options.port === 0) {
      apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      reminderDeps.publicApiUrl = apiUrl;
    }
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => resolve());
        }),
    );
    if (options.backgroundPollMs) poller.start(options.backgroundPollMs);

    return {
      apiUrl,
      sesUrl: ses.endpoint,
      dynamodbEndpoint: dynamodb.endpoint,
      tableName,
      jwtSecret,
      clock,
      store,
      doc,
      ses,
      scheduler,
      poller,
      settle,
      advance,
      deadLetters,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
