import type { Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { EMAIL_STATUS, serviceName } from "../../labels.js";
import { formatLongDate } from "../../time/clinic-time.js";
import { Badge } from "../../ui/badge.js";

/** What the desk must see before booking: can we email them, what are they cleared for, their last dose, REMS. */
export function PatientFacts({ patient: p }: { patient: Patient }) {
  const { protocols, clinic } = useConsole();
  return (
    <dl class="facts">
      <dt>Email</dt>
      <dd>
        {p.email}{" "}
        <Badge tone={p.emailStatus === "ok" ? "good" : "bad"}>
          {EMAIL_STATUS[p.emailStatus] ?? p.emailStatus}
        </Badge>
      </dd>
      <dt>Phone</dt>
      <dd>{p.phone ?? "—"}</dd>
      <dt>Email consent</dt>
      <dd>
        {p.emailConsent ? (
          <Badge tone="good">Agreed to emails</Badge>
        ) : (
          <Badge tone="warn">No consent: no emails are sent</Badge>
        )}
      </dd>
      <dt>Cleared for</dt>
      <dd>
        {p.eligibleProtocols.length > 0
          ? p.eligibleProtocols.map((id) => serviceName(id, protocols)).join(", ")
          : "Nothing yet (needs a consultation outcome)"}
      </dd>
      {p.lastDosingOn && (
        <>
          <dt>Last dosing session</dt>
          <dd>
            {formatLongDate(p.lastDosingOn)}{" "}
            <span class="hint">
              (a booster or new series more than {clinic.lapseDays} days later needs a new consultation
              outcome)
            </span>
          </dd>
        </>
      )}
      <dt>REMS</dt>
      <dd>{p.remsEnrolled ? "Enrolled" : "Not enrolled"}</dd>
      {p.boosterOptOut && (
        <>
          <dt>Booster invitations</dt>
          <dd>Turned off by the patient</dd>
        </>
      )}
    </dl>
  );
}
