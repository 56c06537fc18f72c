import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * A modal on the browser's own <dialog>: it traps focus, closes with Escape and returns focus to what
 * opened it, so the keyboard works without any code of ours.
 */
export function Modal(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} class="modal" aria-labelledby="modal-title" onClose={props.onClose}>
      <header class="modal-header">
        <h2 id="modal-title">{props.title}</h2>
        <button type="button" class="button link" onClick={() => props.onClose()} aria-label="Close">
          ✕
        </button>
      </header>
      {props.children}
    </dialog>
  );
}
