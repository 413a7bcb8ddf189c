// The confirmation before recordings are deleted: how many, and what deleting means.
import { useI18n } from '../i18n/index.ts';
import type { DeleteRequest } from '../hooks/useDelete.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';

export function DeleteDialog({
  request,
  onCancel,
  onConfirm,
}: {
  request: DeleteRequest;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={
        request.count == null
          ? t('confirm.counting')
          : request.count === 0
            ? t('confirm.nothing')
            : request.title(request.count)
      }
      onCancel={onCancel}
      testId="confirm-delete"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={!request.count || request.busy}
            onClick={onConfirm}
            data-testid="confirm-delete-button"
          >
            <Icon name="trash" /> {t('confirm.delete')}
          </button>
        </>
      }
    >
      {request.count ? <p>{t('confirm.deleteBody')}</p> : null}
      {request.error ? (
        <p className="error-text" role="alert">
          {request.error}
        </p>
      ) : null}
    </Dialog>
  );
}
