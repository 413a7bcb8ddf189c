// The toast: a short word on what just happened, with an action (undo) where there is one.
import type { Toast } from '../hooks/useToast.ts';

export function ToastBar({ toast, onClose }: { toast: Toast; onClose(): void }) {
  return (
    <div
      className={`toast${toast.error ? ' error' : ''}`}
      role="status"
      data-testid="toast"
      onClick={(e) => {
        if (!(e.target instanceof HTMLButtonElement)) onClose();
      }}
    >
      <span>{toast.text}</span>
      {toast.action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action?.run();
            onClose();
          }}
          data-testid="toast-action"
        >
          {toast.action.label}
        </button>
      ) : null}
    </div>
  );
}
