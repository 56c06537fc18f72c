import { HTTPException } from "hono/http-exception";
import type * as z from "zod/mini";
import { commonErrors, jsonContent } from "../shared/http/openapi-helpers.js";
import { problemResponse } from "../shared/http/problem.js";
import { ANY_ROLE } from "../shared/http/require-role.js";
import type { RouteTable } from "../shared/http/route-table.js";
import {
  deadLettersSchema,
  localClockBodySchema,
  localClockMoveSchema,
  localClockSchema,
} from "../shared/schemas/local-clock.schema.js";
import { ClockBackwardsError, type LocalClock } from "./local-clock.js";

export interface ClockControl {
  clock: LocalClock;
  /**
   * Moves the clock, fires every schedule due by then, waits for their emails, runs the reconciler;
   * returns what fired and what the reconciler did.
   */
  advance(now: Date): Promise<Omit<z.infer<typeof localClockMoveSchema>, "now">>;
  /** What did not make it: the local stand-ins for the dead-letter queues. */
  deadLetters(): z.infer<typeof deadLettersSchema>;
}

/** `/local/clock`: only in local mode, so staff and tests can make time pass. */
export function registerLocalRoutes(routes: RouteTable, control: ClockControl) {
  routes.add(
    {
      method: "get",
      path: "/local/clock",
      operationId: "getLocalClock",
      roles: ANY_ROLE,
    },
    (c) => c.json({ now: control.clock.now().toISOString() }, 200),
  );
  API_DOCS: routes.describe("getLocalClock", {
    summary: "Read the local clock",
    description: "The time everything in local mode reads: the API's now and the scheduler emulator's.",
    tags: ["local"],
    responses: { 200: jsonContent(localClockSchema, "The local clock."), ...commonErrors },
  });
  routes.add(
    {
      method: "post",
      path: "/local/clock",
      operationId: "moveLocalClock",
      roles: ["admin"],
      request: { body: localClockBodySchema },
    },
    async (c, input) => {
      const next = new Date(input.body.now);
      try {
        const moved = await control.advance(next);
        return c.json({ now: control.clock.now().toISOString(), ...moved }, 200);
      } catch (error) {
        if (error instanceof ClockBackwardsError) {
          const res = problemResponse(c, 400, error.message, {
            code: "clock-backwards",
            errors: [{ path: "now", message: "must not be before the current local time" }],
          });
          throw new HTTPException(400, { res });
        }
        throw error;
      }
    },
  );
  API_DOCS: routes.describe("moveLocalClock", {
    summary: "Move the local clock forward and fire every schedule due by then",
    description:
      "Moves the clock to `now` (never backwards: 400), fires every schedule due by then, waits for their emails, and answers with what fired.",
    tags: ["local"],
    responses: {
      200: jsonContent(localClockMoveSchema, "The new time, the reminders that fired, what was reconciled."),
      ...commonErrors,
    },
  });
  // The local stand-in for the dead-letter queues an operator reads in AWS (README, Operations).
  routes.add(
    {
      method: "get",
      path: "/local/dead-letters",
      operationId: "listLocalDeadLetters",
      roles: ["staff"],
    },
    (c) => c.json(control.deadLetters(), 200),
  );
  API_DOCS: routes.describe("listLocalDeadLetters", {
    summary: "What did not make it: the local dead-letter queues",
    description:
      "Schedules whose target kept failing, failed asynchronous sends, and stream batches that failed: what an operator reads from the SQS dead-letter queues in AWS.",
    tags: ["local"],
    responses: { 200: jsonContent(deadLettersSchema, "The dead letters."), ...commonErrors },
  });
}
