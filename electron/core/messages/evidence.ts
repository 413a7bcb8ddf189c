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
  // The drafted letters. {summary} is the evidence summary above; {recordings} a count as text.
  companySubject: {
    en: "My data export contains another person's data (GDPR Articles 15 and 33)",
    de: 'Datenauskunft enthält die Daten einer anderen Person (Art. 15, 33 DSGVO)',
  },
  companyBody: {
    en: `Dear Data Protection Officer,

In answer to my request for my data, I received an export that does not appear to contain my data but another person's (account: {account}; {recordings} recordings from {period}).

I have not shared the files and will delete them once you confirm. Please
1. inform the affected person and the supervisory authority, as GDPR Articles 33 and 34 require;
2. tell me how this happened and whether my own data was also sent to someone else;
3. send me the copy of my own data under GDPR Article 15.

Summary (no content of the recordings):
{summary}

Yours sincerely,
[your name]`,
    de: `Sehr geehrte Damen und Herren,

auf meine Anfrage nach meinen Daten habe ich von Ihnen einen Export erhalten, der offenbar nicht meine Daten enthält, sondern die einer anderen Person (Konto: {account}; {recordings} Aufnahmen aus dem Zeitraum {period}).

Ich habe die Dateien nicht weitergegeben und werde sie nach Ihrer Bestätigung löschen. Bitte
1. informieren Sie die betroffene Person und die zuständige Aufsichtsbehörde, wie es Art. 33 und 34 DSGVO verlangen;
2. teilen Sie mir mit, wie es dazu kam und ob meine eigenen Daten ebenfalls an Dritte gelangt sind;
3. senden Sie mir die Auskunft über meine eigenen Daten nach Art. 15 DSGVO.

Zusammenfassung (ohne Inhalte der Aufnahmen):
{summary}

Mit freundlichen Grüßen
[Ihr Name]`,
  },
  accountUnknown: {
    en: 'unknown',
    de: 'unbekannt',
  },
  authorityTo: {
    en: 'The data protection authority of your country (list: edpb.europa.eu), or in the UK the ICO',
    de: 'Die Datenschutz-Aufsichtsbehörde Ihres Bundeslandes (Liste: bfdi.bund.de) oder Ihres Landes (Liste: edpb.europa.eu)',
  },
  authoritySubject: {
    en: "Complaint: {company} sent me another person's personal data",
    de: 'Beschwerde: {company} hat mir die Daten einer anderen Person übermittelt',
  },
  authorityBody: {
    en: `Dear Sir or Madam,

I wish to complain about {company}. In answer to my request under GDPR Article 15, I received a data export that contains another person's personal data, including voice recordings from their home. This is a personal data breach affecting that person, and my own request remains unanswered.

I informed {company} on [date]. I have not shared the files.

Summary (no content of the recordings):
{summary}

Yours faithfully,
[your name and address]`,
    de: `Sehr geehrte Damen und Herren,

ich beschwere mich über {company}. Auf meine Anfrage nach Art. 15 DSGVO erhielt ich einen Datenexport, der die personenbezogenen Daten einer anderen Person enthält, darunter Sprachaufnahmen aus deren Wohnung. Das ist eine Verletzung des Schutzes personenbezogener Daten dieser Person; meine eigene Auskunft ist zugleich unbeantwortet.

Ich habe {company} am [Datum] informiert. Die Dateien habe ich nicht weitergegeben.

Zusammenfassung (ohne Inhalte der Aufnahmen):
{summary}

Mit freundlichen Grüßen
[Ihr Name, Anschrift]`,
  },
} satisfies Record<string, Entry>;
