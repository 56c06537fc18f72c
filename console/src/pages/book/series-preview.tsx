import type { ProtocolId } from "../../api/types.js";

/**
 * Where every planned session will show before booking. `POST /series/preview` (API.md, "The clinic's
 * day") is not on the API yet; when it is, this loads it for (patientId, protocolId, start) and lists
 * `sessions` with their times, or shows the 422 `POST /series` would give.
 */
export function SeriesPreview(props: {
  patientId: string;
  protocolId: ProtocolId;
  start: string | undefined;
}) {
  if (!props.start) return null;
  return (
    <p class="hint preview-placeholder">
      The other sessions are planned when you book: same time of day where the clinic is open and a chair is
      free, within the protocol's spacing. If they cannot all fit, nothing is booked and the reason is shown.
    </p>
  );
}
