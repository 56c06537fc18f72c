import type { RemsForm } from "../../domain/rems-form.js";
import { keys } from "./item-keys.js";

type Item = Record<string, unknown>;

/** After every id character ([A-Za-z0-9_-]): closes a key range at the end of one date. */
const AFTER_IDS = "~";

/**
 * A session's monitoring form as stored, beside its appointment: in the open forms' partition by due time
 * while it is to be filed, in the submitted forms' by session date once it is.
 */
export function remsFormToItem(form: RemsForm): Item {
  const open = form.submittedAt === undefined;
  return {
    ...keys.remsForm(form.appointmentId),
    gsi4pk: open ? keys.openRemsForms() : keys.submittedRemsForms(),
    gsi4sk: open ? `${form.dueBy}#${form.appointmentId}` : `${form.sessionDate}#${form.appointmentId}`,
    type: "rems-form",
    ...form,
  };
}

export function itemToRemsForm(item: Item): RemsForm {
  return {
    appointmentId: item.appointmentId as string,
    patientId: item.patientId as string,
    sessionDate: item.sessionDate as string,
    dueBy: item.dueBy as string,
    ...(typeof item.submittedAt === "string" ? { submittedAt: item.submittedAt } : {}),
  };
}

/**
 * Sort-key bounds of submitted forms of sessions dated from..to. Keys are "<date>#<id>": "<from>" sorts
 * before every key of that date, "<to>#~" after every key of the last.
 */
export function submittedRange(fromDate: string, toDate: string): { from: string; to: string } {
  return { from: fromDate, to: `${toDate}#${AFTER_IDS}` };
}
