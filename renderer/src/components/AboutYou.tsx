// "About you": the user's names, e-mail addresses, household and accounts, and which devices are
// theirs — so Earshot can tell when recordings are not theirs. A skippable first-run step, and the
// same form later from Settings. Everything stays on this computer.
import { useMemo, useState } from 'react';
import type { DeviceSummary, Profile } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import {
  addEntries,
  draftOf,
  isEmail,
  listFields,
  profileFromDraft,
  validateProfile,
  type ListField,
  type ProfileDraft,
  type ProfileProblem,
} from '../lib/profile.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';
import { errorText } from '../lib/errors.ts';

const fieldText: Record<ListField, { label: MessageKey; hint: MessageKey; placeholder: MessageKey }> = {
  names: { label: 'about.names', hint: 'about.namesHint', placeholder: 'about.namesPlaceholder' },
  emails: { label: 'about.emails', hint: 'about.emailsHint', placeholder: 'about.emailsPlaceholder' },
  household: { label: 'about.household', hint: 'about.householdHint', placeholder: 'about.householdPlaceholder' },
  accounts: { label: 'about.accounts', hint: 'about.accountsHint', placeholder: 'about.accountsPlaceholder' },
  homePlaces: { label: 'about.homePlaces', hint: 'about.homePlacesHint', placeholder: 'about.homePlacesPlaceholder' },
};

const assistantChoices = [
  { value: 'alexa', label: 'about.assistant.noAlexa' },
  { value: 'google-assistant', label: 'about.assistant.noGoogle' },
] as const satisfies readonly { value: Profile['notMyAssistants'][number]; label: MessageKey }[];

const noTyping = (): Record<ListField, string> => ({
  names: '',
  emails: '',
  household: '',
  accounts: '',
  homePlaces: '',
});

export function AboutYou({
  mode,
  profile,
  devices,
  onSaved,
  onClose,
}: {
  mode: 'first-run' | 'settings';
  profile: Profile;
  devices: DeviceSummary[];
  onSaved(p: Profile, how: 'saved' | 'skipped'): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [typing, setTyping] = useState<Record<ListField, string>>(noTyping);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  // Devices from the exports, plus any the user confirmed before that are no longer there.
  const deviceNames = useMemo(() => {
    const names = devices.map((d) => d.name).filter((n) => n.trim());
    for (const d of profile.devices) if (!names.includes(d)) names.push(d);
    return names;
  }, [devices, profile.devices]);
  const deviceCount = (name: string) => devices.find((d) => d.name === name)?.recordings;

  // What is typed but not yet added counts too: people type a name and press Save.
  const withTyped = (d: ProfileDraft): ProfileDraft => {
    const out = { ...d };
    for (const f of listFields) if (typing[f].trim()) out[f] = addEntries(out[f], typing[f], f);
    return out;
  };
  const problems = validateProfile(withTyped(draft));
  const problemsOf = (field: ListField | 'devices') => problems.filter((p) => p.field === field);

  const save = async () => {
    const full = withTyped(draft);
    setDraft(full);
    setTyping(noTyping());
    setTried(true);
    if (validateProfile(full).length) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.setProfile(profileFromDraft(profile, full, false));
      onSaved(saved, 'saved');
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  const skip = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.setProfile({ ...profile, skipped: true });
      onSaved(saved, 'skipped');
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  const describe = (p: ProfileProblem) =>
    p.kind === 'email'
      ? t('about.problem.email', { value: p.value })
      : p.kind === 'tooLong'
        ? t('about.problem.tooLong', { value: `${p.value.slice(0, 24)}…`, max: p.max })
        : t('about.problem.tooMany', { max: p.max });

  return (
    <Dialog
      title={t('about.title')}
      onCancel={mode === 'first-run' ? () => void skip() : onClose}
      testId="about-you"
      labelledBy="about-title"
      wide
      actions={
        <>
          {mode === 'first-run' ? (
            <button
              type="button"
              className="button"
              onClick={() => void skip()}
              disabled={busy}
              data-testid="about-skip"
            >
              {t('about.skip')}
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t('confirm.cancel')}
            </button>
          )}
          <button
            type="button"
            className="button primary"
            onClick={() => void save()}
            disabled={busy}
            data-testid="about-save"
          >
            {t('about.save')}
          </button>
        </>
      }
    >
      {mode === 'first-run' ? <p className="step-label">{t('about.step')}</p> : null}
      <p className="why-we-ask" data-testid="about-why">
        <Icon name="shield" size="1.25rem" />
        <span>
          <strong>{t('about.whyTitle')}</strong> {t('about.why')}
        </span>
      </p>
      <div className="about-grid">
        {listFields.map((field) => (
          <ListInput
            key={field}
            field={field}
            label={t(fieldText[field].label)}
            hint={t(fieldText[field].hint)}
            placeholder={t(fieldText[field].placeholder)}
            values={draft[field]}
            typed={typing[field]}
            onTyped={(text) => setTyping((s) => ({ ...s, [field]: text }))}
            onValues={(values) => setDraft((d) => ({ ...d, [field]: values }))}
            problems={problemsOf(field)
              .filter((p) => tried || p.kind !== 'email' || draft[field].includes(p.value))
              .map(describe)}
          />
        ))}
      </div>
      <fieldset className="about-assistants" data-testid="about-assistants">
        <legend>{t('about.assistants')}</legend>
        <p className="field-hint">{t('about.assistantsHint')}</p>
        <ul className="device-checks">
          <li>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.noAssistant}
                onChange={(e) => setDraft((d) => ({ ...d, noAssistant: e.target.checked }))}
                data-testid="about-no-assistant"
              />
              <span className="check-label">{t('about.assistant.none')}</span>
            </label>
          </li>
          {assistantChoices.map((c) => (
            <li key={c.value}>
              <label className="check">
                <input
                  type="checkbox"
                  disabled={draft.noAssistant}
                  checked={draft.noAssistant || draft.notMyAssistants.includes(c.value)}
                  onChange={(e) =>
                    setDraft((d) => ({
                      ...d,
                      notMyAssistants: e.target.checked
                        ? [...d.notMyAssistants, c.value]
                        : d.notMyAssistants.filter((x) => x !== c.value),
                    }))
                  }
                  data-testid={`about-not-${c.value}`}
                />
                <span className="check-label">{t(c.label)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="about-devices" data-testid="about-devices">
        <legend>{t('about.devices')}</legend>
        <p className="field-hint">{t('about.devicesHint')}</p>
        {deviceNames.length === 0 ? (
          <p className="muted">{t('about.noDevices')}</p>
        ) : (
          <ul className="device-checks">
            {deviceNames.map((name) => {
              const count = deviceCount(name);
              return (
                <li key={name}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={draft.devices.includes(name)}
                      onChange={(e) =>
                        setDraft((d) => ({
                          ...d,
                          devices: e.target.checked ? [...d.devices, name] : d.devices.filter((x) => x !== name),
                        }))
                      }
                    />
                    <Icon name="device" />
                    <span className="check-label">{name}</span>
                    {count != null ? <span className="chip-count">{t('count.recordings', { count })}</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {problemsOf('devices').map((p) => (
          <p key={p.kind} className="error-text field-problem" role="alert">
            {describe(p)}
          </p>
        ))}
      </fieldset>
      <p className="privacy-note">
        <Icon name="info" /> {t('about.later')}
      </p>
      {error ? (
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      ) : null}
    </Dialog>
  );
}

/** A list the user types into: each entry becomes a removable chip (Enter, or leaving the field). */
function ListInput({
  field,
  label,
  hint,
  placeholder,
  values,
  typed,
  onTyped,
  onValues,
  problems,
}: {
  field: ListField;
  label: string;
  hint: string;
  placeholder: string;
  values: string[];
  typed: string;
  onTyped(text: string): void;
  onValues(values: string[]): void;
  problems: string[];
}) {
  const { t } = useI18n();
  const id = `about-${field}`;
  const commit = () => {
    if (!typed.trim()) return;
    onValues(addEntries(values, typed, field));
    onTyped('');
  };
  return (
    <div className="list-field" data-testid={`about-${field}`}>
      <label htmlFor={id} className="list-field-label">
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className={`tag-input${problems.length ? ' invalid' : ''}`}>
        {values.map((v) => (
          <span key={v} className={`tag${field === 'emails' && !isEmail(v) ? ' invalid' : ''}`}>
            <span className="tag-text">{v}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('about.remove', { value: v })}
              title={t('about.remove', { value: v })}
              onClick={() => onValues(values.filter((x) => x !== v))}
            >
              <Icon name="x" />
            </button>
          </span>
        ))}
        <input
          id={id}
          type="text"
          inputMode={field === 'emails' ? 'email' : 'text'}
          value={typed}
          placeholder={values.length ? '' : placeholder}
          aria-describedby={`${id}-hint`}
          aria-invalid={problems.length > 0}
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          onChange={(e) => onTyped(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || (field === 'emails' && (e.key === ',' || e.key === ' '))) {
              if (typed.trim()) {
                e.preventDefault();
                commit();
              } else if (e.key === 'Enter') e.preventDefault();
            } else if (e.key === 'Backspace' && !typed && values.length) {
              onValues(values.slice(0, -1));
            }
          }}
        />
      </div>
      {problems.map((p) => (
        <p key={p} className="error-text field-problem" role="alert">
          {p}
        </p>
      ))}
    </div>
  );
}
