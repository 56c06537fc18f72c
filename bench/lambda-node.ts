import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The Node.js release the cold-start phase runs its fresh processes on: Lambda's runtime is `nodejs22.x`
 * (infra/constructs/app-function.ts). A cost only one Node pays hides from the other: building the ES
 * namespace of `node:http` loads undici on Node 22 (50 ms) and not on Node 20, which this machine runs.
 */
export const LAMBDA_NODE_VERSION = "22.23.5";

/** Where a fetched copy is kept between runs (.local/ is never committed). */
const CACHE = fileURLToPath(new URL(`../.local/bench/node-${LAMBDA_NODE_VERSION}/`, import.meta.url));

export interface ColdStartNode {
  /** The `node` binary to start. */
  path: string;
  /** Why it is not Lambda's Node, when it is not. */
  fallback?: string;
}

/**
 * `BENCH_COLD_START_NODE` if set; else this process's Node when it is Lambda's major; else Lambda's
 * release from the npm registry's `node-<platform>-<arch>` package (the official binaries), fetched once
 * into .local/bench/. Offline or on a platform without such a package, this Node, saying why.
 */
export async function coldStartNode(log: (line: string) => void = () => {}): Promise<ColdStartNode> {
  const given = process.env.BENCH_COLD_START_NODE;
  if (given) return { path: given };
  const major = LAMBDA_NODE_VERSION.split(".")[0];
  if (process.versions.node.split(".")[0] === major) return { path: process.execPath };
  const binary = join(CACHE, "package", "bin", "node");
  try {
    if (!existsSync(binary)) {
      const spec = `node-${process.platform}-${process.arch}@${LAMBDA_NODE_VERSION}`;
      log(`fetching Lambda's Node (${spec}, once, into .local/bench/)`);
      await rm(CACHE, { recursive: true, force: true });
      await mkdir(CACHE, { recursive: true });
      await run("npm", ["pack", spec, "--silent"], { cwd: CACHE, timeout: 300_000 });
      const tarball = (await readdir(CACHE)).find((f) => f.endsWith(".tgz"));
      if (!tarball) throw new Error(`npm pack ${spec} left no tarball`);
      await run("tar", ["xzf", tarball], { cwd: CACHE, timeout: 120_000 });
      await rm(join(CACHE, tarball));
    }
    const { stdout } = await run(binary, ["--version"], { timeout: 30_000 });
    if (stdout.trim() !== `v${LAMBDA_NODE_VERSION}`) throw new Error(`${binary} is ${stdout.trim()}`);
    return { path: binary };
  } catch (error) {
    await rm(CACHE, { recursive: true, force: true });
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return { path: process.execPath, fallback: `Lambda's Node ${major} could not be fetched (${reason})` };
  }
}
