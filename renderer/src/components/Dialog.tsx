// A modal dialog on the native <dialog>: focus is trapped and Esc cancels, as in the OS's own sheets.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({
  title,
  children,
  actions,
  onCancel,
  testId,
  wide,
  labelledBy = 'dialog-title',
}: {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  onCancel(): void;
  testId?: string;
  wide?: boolean;
  labelledBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancel.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' wide' : ''}`} aria-labelledby={labelledBy} data-testid={testId}>
      <h2 id={labelledBy} className="dialog-title">
        {title}
      </h2>
      {children}
      {actions ? <div className="dialog-actions">{actions}</div> : null}
    </dialog>
  );
}
