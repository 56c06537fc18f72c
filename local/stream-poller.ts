import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type AttributeValue as SdkAttributeValue,
  type Shard,
  TrimmedDataAccessException,
} from "@aws-sdk/client-dynamodb-streams";
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { readJsonFile, writeJsonFile } from "./json-file.js";

// biome-ignore lint/suspicious/noConfusingVoidType: the signature of @types/aws-lambda's DynamoDBStreamHandler, so real handlers plug in unchanged.
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

/** A batch part that still failed after every attempt: what Lambda sends to the on-failure destination. */
export interface StreamFailure {
  shardId: string;
  records: DynamoDBRecord[];
  error: string;
  attempts: number;
  /** Wall time; failures are about the machinery, not the local clock. */
  at: string;
}

export interface StreamPoller {
  /** Processes everything currently in the stream (all shards, children after parents), returns the count. */
  drain(): Promise<number>;
  /** Drains in the background every `intervalMs` until stop(). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
  failures(): StreamFailure[];
}

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  streamArn: string;
  handler: StreamHandler;
  /** Where per-shard checkpoints go, so a restart resumes after them instead of replaying the stream. */
  stateFile?: string;
  /** Records per handler call; Lambda's default for DynamoDB streams is 100. */
  batchSize?: number;
  /** Handler calls per batch before it goes to failures(); Lambda's default is unbounded, ours is 3. */
  maxAttempts?: number;
  /** Background-loop errors (e.g. DynamoDB Local gone); defaults to console.error. */
  onError?: (error: unknown) => void;
}

interface ShardState {
  sequenceNumber?: string;
  /** A closed shard read to its end: skip it from now on. */
  finished?: boolean;
}

interface PollerState {
  streamArn: string;
  shards: Record<string, ShardState>;
}

/** Handler-written records can produce more records; stop after this many rounds per drain. */
const MAX_ROUNDS_PER_DRAIN = 50;

/**
 * Feeds a DynamoDB Local stream to a handler the way Lambda's event source mapping does: Lambda-shaped
 * records, in order per shard, parents before children, whole-batch retry on a thrown error, retry from
 * the first reported item on `batchItemFailures`, then on-failure (failures()) and move on.
 */
export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
  });
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 3;
  const state = loadState(options.stateFile, options.streamArn);
  const failed: StreamFailure[] = [];

  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await client.send(
        new DescribeStreamCommand({
          StreamArn: options.streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return parentsFirst(shards);
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const sequenceNumber = state.shards[shardId]?.sequenceNumber;
    try {
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shardId,
          ...(sequenceNumber
            ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: sequenceNumber }
            : { ShardIteratorType: "TRIM_HORIZON" }),
        }),
      );
      return ShardIterator;
    } catch (error) {
      // The checkpoint aged out of the 24 h retention: start from the oldest record still there.
      if (!(error instanceof TrimmedDataAccessException) || !sequenceNumber) throw error;
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shardId,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      );
      return ShardIterator;
    }
  }

  async function drainShard(shardId: string): Promise<number> {
    let processed = 0;
    let iterator = await iteratorFor(shardId);
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, options));
      if (records.length > 0) {
        await deliver(shardId, records);
        processed += records.length;
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        state.shards[shardId] = { ...state.shards[shardId], ...(last ? { sequenceNumber: last } : {}) };
        saveState(options.stateFile, state);
      }
      if (!page.NextShardIterator) {
        // No next iterator means the shard is closed and fully read.
        state.shards[shardId] = { ...state.shards[shardId], finished: true };
        saveState(options.stateFile, state);
        break;
      }
      // An open shard with nothing new: caught up for now.
      if (records.length === 0) break;
      iterator = page.NextShardIterator;
    }
    return processed;
  }

  async function deliver(shardId: string, records: DynamoDBRecord[]): Promise<void> {
    let pending = records;
    for (let attempt = 1; ; attempt++) {
      let error: string;
      try {
        const response = await options.handler({ Records: pending });
        const failures = response?.batchItemFailures ?? [];
        if (failures.length === 0) return;
        const firstFailed = firstFailedIndex(pending, failures);
        error = `batchItemFailures: ${failures.map((f) => f.itemIdentifier).join(", ")}`;
        // Lambda checkpoints before the lowest failed item and retries from there.
        pending = pending.slice(firstFailed);
      } catch (thrown) {
        error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      }
      if (attempt >= maxAttempts) {
        failed.push({ shardId, records: pending, error, attempts: attempt, at: new Date().toISOString() });
        return;
      }
    }
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_DRAIN; round++) {
      let processed = 0;
      for (const shard of await listShards()) {
        if (!shard.ShardId || state.shards[shard.ShardId]?.finished) continue;
        processed += await drainShard(shard.ShardId);
      }
      total += processed;
      // The handler may have written to the table; go round again until nothing new arrives.
      if (processed === 0) break;
    }
    return total;
  }

  function drain(): Promise<number> {
    const run = queue.then(drainOnce);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    drain,
    start(intervalMs) {
      if (timer || stopped) return;
      const tick = () => {
        drain()
          .catch((error: unknown) => (options.onError ?? console.error)(error))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
      // A tick that was mid-drain may have scheduled another timeout before seeing `stopped`.
      clearTimeout(timer);
      client.destroy();
    },
    failures: () => [...failed],
  };
}

/**
 * Index of the first record to retry. Lambda identifies stream records by sequence number; an
 * identifier it cannot match (or an empty one) fails the whole batch.
 */
function firstFailedIndex(records: DynamoDBRecord[], failures: { itemIdentifier: string }[]): number {
  let first = records.length;
  for (const { itemIdentifier } of failures) {
    const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === itemIdentifier);
    if (index === -1) return 0;
    first = Math.min(first, index);
  }
  return first;
}

/** Orders shards so each parent comes before its children, as Lambda processes them. */
function parentsFirst(shards: Shard[]): Shard[] {
  const byId = new Map(shards.map((s) => [s.ShardId, s]));
  const depth = (shard: Shard, seen = new Set<string>()): number => {
    const parent = shard.ParentShardId ? byId.get(shard.ParentShardId) : undefined;
    if (!parent?.ShardId || seen.has(parent.ShardId)) return 0;
    seen.add(parent.ShardId);
    return 1 + depth(parent, seen);
  };
  return shards
    .map((shard, index) => ({ shard, index, depth: depth(shard) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ shard }) => shard);
}

function toLambdaRecord(record: _Record, options: StreamPollerOptions): DynamoDBRecord {
  const stream = record.dynamodb;
  const approximate = stream?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: options.region,
    eventSourceARN: options.streamArn,
    dynamodb: {
      ...(approximate ? { ApproximateCreationDateTime: Math.floor(approximate.getTime() / 1000) } : {}),
      ...(stream?.Keys ? { Keys: toLambdaImage(stream.Keys) } : {}),
      ...(stream?.NewImage ? { NewImage: toLambdaImage(stream.NewImage) } : {}),
      ...(stream?.OldImage ? { OldImage: toLambdaImage(stream.OldImage) } : {}),
      SequenceNumber: stream?.SequenceNumber,
      SizeBytes: stream?.SizeBytes,
      StreamViewType: stream?.StreamViewType,
    },
  };
}

function toLambdaImage(image: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));
}

/** Lambda delivers binary as base64 strings; the SDK gives Uint8Arrays. Everything else is the same JSON. */
function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString("base64") };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString("base64")) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  // The streams client deserialises an empty map ({ M: {} }) as a bare {}: put the M back.
  if (Object.keys(value).length === 0) return { M: {} };
  throw new Error(`unsupported attribute value ${JSON.stringify(value)}`);
}

function loadState(file: string | undefined, streamArn: string): PollerState {
  const fresh: PollerState = { streamArn, shards: {} };
  if (file === undefined) return fresh;
  const saved = readJsonFile(file) as PollerState | undefined;
  if (saved === undefined) return fresh;
  // A recreated table has a new stream: old checkpoints would point nowhere.
  return saved.streamArn === streamArn ? saved : fresh;
}

function saveState(file: string | undefined, state: PollerState): void {
  if (file === undefined) return;
  writeJsonFile(file, state);
}
