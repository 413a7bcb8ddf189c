// The shortcut sheet (`?`, Help → Keyboard Shortcuts): every key the window handles, read from the
// one table the key handlers use, so it always says what the keys really do.
import { Fragment } from 'react';
import { useI18n } from '../i18n/index.ts';
import { keyLabel, SHORTCUT_GROUPS, SHORTCUTS, type KeyWords } from '../lib/shortcuts.ts';
import { Dialog } from './Dialog.tsx';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const words: KeyWords = {
    space: t('keys.space'),
    enter: t('keys.enter'),
    escape: t('keys.escape'),
    delete: t('keys.delete'),
    backspace: t('keys.backspace'),
  };
  const mac = isMac();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onCancel={onClose}
      testId="shortcut-sheet"
      labelledBy="shortcuts-title"
      wide
      actions={
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          {t('settings.close')}
        </button>
      }
    >
      <p className="field-hint">{t('shortcuts.hint')}</p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group} className="shortcut-group" aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{t(`shortcuts.group.${group}`)}</h3>
          <dl className="shortcut-list">
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <Fragment key={s.id}>
                <dt data-testid="shortcut-keys" data-shortcut={s.id}>
                  {s.combos.map((combo, i) => (
                    <Fragment key={i}>
                      {i > 0 ? <span className="shortcut-or">{t('shortcuts.or')}</span> : null}
                      {keyLabel(combo, words, mac).map((k, j) => (
                        <kbd key={j}>{k}</kbd>
                      ))}
                    </Fragment>
                  ))}
                </dt>
                <dd>{t(`shortcuts.${s.id}`)}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
