import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The kinds of test file that take tens of seconds each (a browser, DynamoDB Local under many
 * interleavings, whole processes killed and restarted, the CDK app synthesized and bundled).
 */
const SLOW_FILES = [
  /\.browser\.test\.ts$/,
  /\/test\/race\//,
  /\/test\/e2e\//,
  /\.property\.test\.ts$/,
  /race\.test\.ts$/,
  /\/test\/infra\/stacks\.test\.ts$/,
];

/**
 * Starts the slow files first. On a fresh clone (CI) vitest has no durations cached and orders files by
 * size, so a 50-second file could start last and run alone on one of the two workers while the other
 * idles: in one CI run the tail of the suite was crash-recovery's 47 s. Within each group, vitest's own
 * order (slowest first once it has timed a run).
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (file: TestSpecification) => SLOW_FILES.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
  }
}
