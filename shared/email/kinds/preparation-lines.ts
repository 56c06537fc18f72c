import type { PreparationDetails } from "../../domain/preparation.js";
import type { Protocol } from "../../domain/protocol.js";

const CLEAR_LIQUIDS = "water, apple juice, black coffee or tea without milk";

/** The fasting cut-offs as clock times; a rule of 0 hours says nothing rather than "after 10:00 AM". */
export function drinkingLines(protocol: Protocol, prep: PreparationDetails): string[] {
  const lines: string[] = [];
  if (protocol.fasting.solidFoodHours > 0) lines.push(`No solid food after ${prep.solidFoodCutoff.label}.`);
  if (protocol.fasting.liquidsHours > 0) {
    if (prep.liquidsKind === "clear") {
      lines.push(
        `Clear liquids only (${CLEAR_LIQUIDS}) until ${prep.liquidsCutoff.label}.`,
        `Nothing to drink after ${prep.liquidsCutoff.label}.`,
      );
    } else {
      lines.push(`Nothing to drink after ${prep.liquidsCutoff.label}.`);
    }
  }
  return lines;
}

export function transportLines(prep: PreparationDetails): string[] {
  const lines = prep.driverRequired
    ? ["Please arrange for a responsible adult to take you home. You will not be able to drive yourself."]
    : ["Please plan to get home without driving: a lift, a taxi or public transport."];
  lines.push(
    prep.noDrivingUntil === "next-day-after-sleep"
      ? "Do not drive until the next day, after a night's sleep."
      : "Do not drive until the next day.",
  );
  return lines;
}

/** The short version the day-before reminder repeats. */
export function preparationSummary(protocol: Protocol, prep: PreparationDetails): string[] {
  return [...drinkingLines(protocol, prep), ...transportLines(prep)];
}
