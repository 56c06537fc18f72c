import { useState } from "preact/hooks";
import type { Auth, SignInNotice } from "../auth/auth.js";
import { ROLES, type Role, roleLabel } from "../auth/claims.js";
import { BusyButton } from "../ui/busy-button.js";

const ROLE_HINT: Record<Role, string> = {
  staff: "Patients, bookings, cancellations and series.",
  clinician: "Reads everything; records consultation outcomes and attendance.",
  admin: "Everything, including the clinic's settings.",
};

const NOTICE_TEXT = {
  "signed-out": "You are signed out.",
  expired: "Your sign-in has ended. Sign in again to continue where you were.",
} as const;

/**
 * Locally: pick a role and go (npm start signs a local token). In AWS the console goes straight to
 * Cognito's managed login; this page only shows after signing out or when sign-in failed.
 */
export function SignInPage({ auth, notice }: { auth: Auth; notice: SignInNotice | undefined }) {
  const [role, setRole] = useState<Role>("staff");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await auth.signIn(role);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const message = notice?.kind === "error" ? notice.message : notice ? NOTICE_TEXT[notice.kind] : undefined;
  return (
    <main class="sign-in" id="content">
      <form class="card sign-in-card" onSubmit={submit}>
        <h1>Staff console</h1>
        {message && (
          <p class="notice" role="status">
            {message}
          </p>
        )}
        {error && (
          <p class="problem" role="alert">
            {error}
          </p>
        )}
        {auth.mode === "local" ? (
          <fieldset>
            <legend>Sign in on this computer as</legend>
            {ROLES.map((r) => (
              <label key={r} class="choice">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <strong>{roleLabel(r)}</strong>
                  <span class="hint">{ROLE_HINT[r]}</span>
                </span>
              </label>
            ))}
            <p class="hint">Local mode: no password. In AWS, staff sign in with their clinic account.</p>
          </fieldset>
        ) : (
          <p>Sign in with your clinic account. You will need your authenticator app.</p>
        )}
        <BusyButton busy={busy} busyLabel="Signing in…">
          Sign in
        </BusyButton>
      </form>
    </main>
  );
}
