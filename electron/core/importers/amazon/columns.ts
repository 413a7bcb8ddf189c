// Which column of an Amazon table holds what, judged by its header (case, spaces and punctuation
// ignored), in order of preference. Works for CSV headers and JSON keys alike.
import { foldHeader } from './csv.ts';

const ROLES = {
  text: [
    'utterancetext',
    'customertranscript',
    'transcripttext',
    'transcript',
    'utterance',
    'customerutterance',
    'asrtext',
    'speechtext',
    'spokentext',
    'requesttext',
    'voicetext',
    'whatyousaid',
    'text',
  ],
  time: [
    'utterancecreationdate',
    'utterancecreationtime',
    'utterancetimestamp',
    'utterancetime',
    'utterancedate',
    'creationdate',
    'creationtime',
    'creationtimestamp',
    'timestamp',
    'eventtimestamp',
    'eventtime',
    'requesttime',
    'datetime',
    'date',
    'time',
    'createdat',
    'createddate',
    'recordedat',
  ],
  device: ['devicename', 'devicenickname', 'customerdevicename', 'devicefriendlyname', 'device', 'nickname'],
  serial: ['deviceserialnumber', 'serialnumber', 'deviceserial', 'dsn'],
  model: ['amazondevicemodelname', 'devicemodelname', 'devicemodel', 'amazondevicemodel', 'model', 'devicetypename'],
  account: ['accountname', 'customername'],
  response: ['alexaresponse', 'responsetext', 'response', 'ttstext', 'alexareply'],
  contact: ['contactname'],
  firstName: ['firstname', 'givenname'],
  lastName: ['lastname', 'familyname', 'surname'],
  intent: ['intent', 'intentname', 'nluintent'],
  domain: ['domain'],
} as const;

export type Role = keyof typeof ROLES;

/** For each role, the index of the column that holds it (or -1). */
export type Columns = Record<Role, number>;

export function findColumns(header: string[]): Columns {
  const folded = header.map(foldHeader);
  const out = {} as Columns;
  const taken = new Set<number>();
  for (const role of Object.keys(ROLES) as Role[]) {
    let index = -1;
    for (const candidate of ROLES[role]) {
      const i = folded.findIndex((h, j) => h === candidate && !taken.has(j));
      if (i >= 0) {
        index = i;
        break;
      }
    }
    out[role] = index;
    if (index >= 0) taken.add(index);
  }
  return out;
}

export type TableKind = 'transcripts' | 'devices' | 'contacts' | 'contact-names' | 'other';

/** What a table holds, from its columns alone. */
export function tableKind(c: Columns): TableKind {
  if (c.text >= 0 && c.time >= 0) return 'transcripts';
  if (c.serial >= 0 && (c.model >= 0 || c.account >= 0 || c.device >= 0)) return 'devices';
  if (c.firstName >= 0 || c.lastName >= 0) return 'contacts';
  if (c.contact >= 0) return 'contact-names';
  return 'other';
}
