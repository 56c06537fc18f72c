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
}) {
  return (
    <button
      type={props.type ?? "submit"}
      class={`button ${props.kind ?? "primary"}`}
      disabled={props.busy || props.disabled}
      aria-busy={props.busy}
      onClick={props.onClick}
    >
      {props.busy ? props.busyLabel : props.children}
    </button>
  );
}
