import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  CreateScheduleGroupCommand,
  GetScheduleGroupCommand,
  SchedulerClient,
} from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type ServerType, serve } from "@hono/node-server";
import type * as z from "zod/mini";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { createTableClient } from "../shared/adapters/dynamodb/client.js";
import { DynamoDbStore } from "../shared/adapters/dynamodb/dynamodb-store.js";
import { EventBridgeReminderScheduler } from "../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { SesMailer } from "../shared/adapters/ses/ses-mailer.js";
import { type Clinic, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeEmailEventsHandler } from "../shared/handlers/email-events-handler.js";
import { makeReconcilerHandler } from "../shared/handlers/reconciler-handler.js";
import { makeRemsWatchHandler } from "../shared/handlers/rems-watch-handler.js";
import { makeScheduleSyncHandler } from "../shared/handlers/schedule-sync-handler.js";
import { makeSendReminderHandler } from "../shared/handlers/send-reminder-handler.js";
import { apiOpenApiDocument } from "../shared/http/api-openapi-document.js";
import { createApp } from "../shared/http/app.js";
import { hs256Tokens } from "../shared/http/authenticators.js";
import { DEFAULT_LOCAL_JWT_SECRET } from "../shared/http/local-token.js";
import { randomIds } from "../shared/ports/id-source.js";
import { fixedLinkKeys } from "../shared/ports/link-keys.js";
import type { ReminderJob } from "../shared/ports/reminder-scheduler.js";
import type { firedReminderSchema } from "../shared/schemas/local-clock.schema.js";
import type { ReconcileReport } from "../shared/use-cases/reconcile-reminders.js";
import type { ReminderDeps, SendOutcome } from "../shared/use-cases/send-reminder.js";
import { repeatInBackground } from "./background-loop.js";
import { serveConsole } from "./console-assets.js";
import { ensureTable } from "./create-table.js";
import { documentClient } from "./document-client.js";
import { type DynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION } from "./dynamodb-local.js";
import { assertPortFree } from "./free-port.js";
import { InFlight } from "./in-flight.js";
import { localLinkKeys } from "./link-keys.js";
import { LocalClock } from "./local-clock.js";
import { registerLocalRoutes } from "./local-routes.js";
import { type LocalServices, startLocalServices } from "./local-services.js";
import { registerLocalSignIn } from "./local-sign-in.js";
import { type SchedulerEmulator, startSchedulerEmulator } from "./scheduler-emulator/index.js";
import { createSesEventPump } from "./ses/ses-event-pump.js";
import { readSesStore, type SesEmulator } from "./ses-emulator.js";
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
  /** DynamoDB Local and the SES emulator, already being started by the caller; the stack stops them. */
  services?: Promise<LocalServices>;
  /** Keys of patients' Confirm and Cancel links, current first (default: see localLinkKeys). */
  patientLinkKeys?: string[];
  /** Browser origins the API answers CORS for (a test serving the console from another origin, as AWS does). */
  corsOrigins?: string[];
  /**
   * How many send-reminder invocations the Scheduler emulator runs at once for reminders due at the same
   * instant (default: 5, send-reminder's reserved concurrency in AWS). 1 fires them strictly one at a time.
   */
  schedulerConcurrency?: number;
  /**
   * Called with the client the store sends through before its first request, to add middleware that
   * watches it (the benchmark's counters): the client caches its middleware per command type.
   */
  onStoreClient?: (client: DynamoDBClient) => void;
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
      const services = options.services
        ? await options.services
        : await startLocalServices({
            dynamodbPort: options.dynamodbPort,
            sesPort: options.sesPort,
            ...(options.dataDir ? { dataDir: options.dataDir } : {}),
          });
      stops.push(
        () => services.dynamodb.stop(),
        () => services.ses.stop(),
      );
      dynamodb = services.dynamodb;
      ses = services.ses;
    }

    const tableName = options.tableName ?? "clinic-scheduler-local";
    const aws = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const dynamo = new DynamoDBClient({ ...aws, endpoint: dynamodb.endpoint });
    const streamArn = await ensureTable(dynamo, tableName);
    // Tests and tools read and write items directly through `doc`; the store has a client of its own, as
    // each function does (lib-dynamodb refuses the store's cached middleware).
    const doc = documentClient(dynamo);
    const storeClient = createTableClient({ ...aws, endpoint: dynamodb.endpoint });
    options.onStoreClient?.(storeClient);
    const clock = new LocalClock({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.initialTime ? { initial: options.initialTime } : {}),
    });
    const store = new DynamoDbStore(storeClient, tableName, () => Math.floor(clock.now().getTime() / 1000));
    const clinicDefaults = options.clinic ?? DEFAULT_CLINIC;
    if (!(await store.getClinic())) await store.putClinic(clinicDefaults);
    const linkKeys = fixedLinkKeys(options.patientLinkKeys ?? localLinkKeys(options.dataDir));
    const deps = { store, clock, ids: randomIds, clinicDefaults, linkKeys };
    let apiUrl = `http://localhost:${options.port}`;

    // send-reminder, sending with a configuration set named for the table: the SES emulator keeps it
    // with each email, and the event pump below publishes the events of this stack's emails only.
    const configurationSet = tableName;
    const sesMailer = new SesMailer(
      withoutSdkLogging(new SESv2Client({ ...aws, endpoint: ses.endpoint })),
      SENDER_EMAIL,
      configurationSet,
    );
    const reminderDeps: ReminderDeps = {
      ...deps,
      mailer: sesMailer,
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
      ...(options.schedulerConcurrency ? { concurrency: options.schedulerConcurrency } : {}),
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
    // Lambda's async invoke, locally: in the background, with its retries and failure record, each job
    // written down before sendNow returns (so before the stream's checkpoint moves past its record).
    const asyncInvokes = new InFlight<ReminderJob>(runSendReminder, {
      ...(options.dataDir ? { dir: join(options.dataDir, "async-invokes") } : {}),
    });
    const reminderScheduler = new EventBridgeReminderScheduler(
      schedulerClient,
      {
        groupName,
        targetArn: FAKE_ARN("send-reminder"),
        roleArn: "arn:aws:iam::000000000000:role/scheduler-invokes-send-reminder",
        deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:schedule-dlq",
      },
      async (job) => asyncInvokes.run(job),
    );
    const poller: StreamPoller = createStreamPoller({
      endpoint: dynamodb.endpoint,
      ...aws,
      streamArn,
      handler: makeScheduleSyncHandler({ scheduler: reminderScheduler, clock, store }),
      ...(options.dataDir ? { stateFile: join(options.dataDir, "stream-state.json") } : {}),
    });
    stops.push(() => poller.stop());
    // SES's event publishing (Send, and the mailbox simulator's Bounce and Complaint) to email-events.
    const sesEvents = createSesEventPump({
      endpoint: ses.endpoint,
      configurationSet,
      handler: makeEmailEventsHandler(deps),
      ...(options.dataDir ? { stateFile: join(options.dataDir, "ses-events-state.json") } : {}),
    });
    const reconcile = makeReconcilerHandler({ ...deps, scheduler: reminderScheduler });
    // rems-watch, which in AWS runs on its own quarter-hour rate: here with the reconciler, at every move.
    const watchRems = makeRemsWatchHandler({ ...deps, mailer: sesMailer });

    /**
     * Runs the pipeline until quiet: stream → schedules → due sends → SES events → the reconciler (which
     * re-drives what a crash left behind) → their own stream records. Returns the reconciler's reports.
     */
    const settle = async () => {
      const reports: ReconcileReport[] = [];
      for (let round = 0; round < 20; round++) {
        const records = await poller.drain();
        await asyncInvokes.idle();
        const due = await scheduler.fireDue(clock.now());
        await asyncInvokes.idle();
        const events = await sesEvents.drain();
        const report = await reconcile();
        reports.push(report);
        await watchRems();
        await asyncInvokes.idle();
        const redriven = report.redriven + report.resynced + report.failed;
        if (records === 0 && due.length === 0 && events === 0 && redriven === 0) break;
      }
      return sumReports(reports);
    };
    // Clock moves run one after another: each one's reply lists exactly what its own move fired, and a
    // move to a time another move has already passed is refused (400) rather than half-applied.
    let moves: Promise<unknown> = Promise.resolve();
    const advance = (next: Date) => {
      const move = moves.then(async () => {
        await settle();
        const from = fired.length;
        clock.set(next);
        const reconciled = await settle();
        return { fired: fired.slice(from), reconciled };
      });
      moves = move.catch(() => undefined);
      return move;
    };

    /** What did not make it: scheduler dead letters, failed async invokes, stream batches, SES events. */
    const deadLetters = () => ({
      schedules: scheduler.deadLetters(),
      invokes: asyncInvokes.failures(),
      stream: poller.failures(),
      sesEvents: sesEvents.failures(),
    });

    const jwtSecret = options.jwtSecret ?? DEFAULT_LOCAL_JWT_SECRET;
    const authenticate = hs256Tokens(jwtSecret);
    const app = createApp({
      deps,
      authenticate,
      publicUrl: apiUrl,
      openApiDocument: apiOpenApiDocument,
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
    // Start-up recovery from a kill -9, once serving (so emails link to the port really listened on).
    // SES events first: a Send event settles a reminder whose sender died after SES accepted its email
    // (or whose settle DynamoDB Local lost: it answers a few ms before a write is on disk), before
    // anything could send it again. Then the jobs the async invoke had accepted run again, and one settle
    // drains the stream from its checkpoint, fires what is due at the saved clock (a kill between moving
    // it and firing) and runs the reconciler.
    await sesEvents.drain();
    asyncInvokes.resume();
    await settle();
    if (options.backgroundPollMs) {
      poller.start(options.backgroundPollMs);
      stops.push(repeatInBackground(() => sesEvents.drain(), options.backgroundPollMs));
    }

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

function sumReports(reports: ReconcileReport[]): ReconcileReport {
  const total: ReconcileReport = { examined: 0, redriven: 0, resynced: 0, failed: 0 };
  for (const report of reports) {
    for (const key of Object.keys(total) as (keyof ReconcileReport)[]) total[key] += report[key];
  }
  return total;
}
