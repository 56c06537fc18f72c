import type { Appointment, RemsForm } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { hrefOf } from "../../router.js";
import { Badge } from "../../ui/badge.js";
import { REMS_TONE, remsStanding } from "../clinician/rems-words.js";

interface Props {
  appointment: Appointment;
  openForms: ReadonlyMap<string, RemsForm> | undefined;
}

/** An esketamine session's REMS form on the patient's record, as a badge beside its status. */
export function RemsBadge({ appointment, openForms }: Props) {
  const { clinic } = useConsole();
  const rems = remsStanding(appointment, openForms, clinic.timezone);
  return rems ? <Badge tone={REMS_TONE[rems.status]}>{rems.badge}</Badge> : null;
}

/** The same form in a line: when it was submitted, or by when it is due and where to record it. */
export function RemsLine({ appointment, openForms }: Props) {
  const { clinic } = useConsole();
  const rems = remsStanding(appointment, openForms, clinic.timezone);
  if (!rems) return null;
  return (
    <p class="hint">
      {rems.line}
      {rems.status !== "submitted" && (
        <>
          {" · "}
          <a href={hrefOf({ page: "clinician" })}>record it on the Clinician page</a>
        </>
      )}
    </p>
  );
}
