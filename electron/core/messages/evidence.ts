// The evidence summary and the two drafted letters (to the company, to a data protection authority).
// The German letters address their reader formally ("Sie"): they never reuse the app's informal
// sentences. Counts arrive already as text, so the summary shows them exactly as the export did.
import type { Entry } from './text.ts';

export const evidence = {
  // Where the company letter goes: {address} is the company's postal address, {form} its web form.
  privacyContact: { en: '{address} (or the form at {form})', de: '{address} (oder das Formular unter {form})' },
  summaryTitle: { en: 'Evidence summary: {label}', de: 'Beweiszusammenfassung: {label}' },
  kind: { en: 'Kind: {kind}', de: 'Art: {kind}' },
  noCompany: {
    en: 'Company: none — {assistant} runs on a computer someone runs themselves; the recordings were on that computer.',
    de: 'Firma: keine — {assistant} läuft auf einem Rechner, den jemand selbst betreibt; die Aufnahmen lagen auf diesem Rechner.',
  },
  account: { en: 'Account named in the export: {account}', de: 'Konto im Export: {account}' },
  accountFoundIn: {
    en: 'Account named in the export: {account} (in {file})',
    de: 'Konto im Export: {account} (in {file})',
  },
  accountNotStated: { en: 'not stated', de: 'nicht angegeben' },
  imported: { en: 'Imported: {time}', de: 'Importiert: {time}' },
  recordings: {
    en: 'Recordings: {recordings} ({withAudio} with audio, {withTranscript} with a transcript), {first} to {last}',
    de: 'Aufnahmen: {recordings} ({withAudio} mit Ton, {withTranscript} mit Text), {first} bis {last}',
  },
  files: { en: 'Files:', de: 'Dateien:' },
  devices: { en: 'Devices:', de: 'Geräte:' },
  reasons: { en: 'Why Earshot raised a warning:', de: 'Warum Earshot warnt:' },
  removed: {
    en: 'Removed: {time} — every recording of this export was deleted from the Earshot library.',
    de: 'Entfernt: {time} — alle Aufnahmen dieses Exports wurden aus der Earshot-Bibliothek gelöscht.',
  },
  noContent: {
    en: 'This summary contains no content of the recordings.',
    de: 'Diese Zusammenfassung enthält keine Inhalte der Aufnahmen.',
  },
  fileMore: {
    en: '{name} … and {more} more files — {bytes} bytes together — not hashed one by one',
    de: '{name} … und {more} weitere Dateien — zusammen {bytes} Bytes — nicht einzeln gehasht',
  },
  fileHashed: { en: '{name} — {bytes} bytes — SHA-256 {sha256}', de: '{name} — {bytes} Bytes — SHA-256 {sha256}' },
  fileUnread: {
    en: '{name} — {bytes} bytes — SHA-256 (could not be read)',
    de: '{name} — {bytes} Bytes — SHA-256 (konnte nicht gelesen werden)',
  },
  folderUnlisted: {
    en: '{name} — {bytes} bytes — SHA-256 (folder, its files not listed when it was imported)',
    de: '{name} — {bytes} Bytes — SHA-256 (Ordner, Dateien beim Import nicht einzeln erfasst)',
  },
  pageTitle: { en: 'Earshot — evidence summary', de: 'Earshot – Beweiszusammenfassung' },
} satisfies Record<string, Entry>;
