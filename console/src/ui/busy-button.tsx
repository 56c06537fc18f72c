import type { ComponentChildren } from "preact";

/**
 * A button that says what it is doing while its request runs, and cannot be pressed twice meanwhile.
 * Type "submit" by default: forms submit with Enter.
 */
export function BusyButton(props: {
  busy: boolean;
  busyLabel: string;
  children: ComponentChildren;
  kind?: "primary" | "secondary" | "danger";
  type?: "submit" | "button";
  onClick?: () => void;
  disabled?: boolean;
  /** The accessible name when the visible text alone is ambiguous ("Resend" in a table of emails). */
  label?: string;
}) {
  return (
    <button
      type={props.type ?? "submit"}
      class={`button ${props.kind ?? "primary"}`}
      disabled={props.busy || props.disabled}
      aria-busy={props.busy}
      aria-label={props.label && !props.busy ? props.label : undefined}
      onClick={props.onClick}
    >
      {props.busy ? props.busyLabel : props.children}
    </button>
  );
}
