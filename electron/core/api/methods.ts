// The names of the API's methods, with no dependencies, so the sandboxed preload can allow exactly these.
export const apiMethods = [
  'getOverview',
  'listRecordings',
  'getRecording',
  'listExports',
  'listDevices',
  'startImport',
  'getImportStatus',
  'cancelImport',
  'getInsight',
  'deleteRecordings',
  'countRecordings',
  'getProfile',
  'setProfile',
  'listWarnings',
  'decideWarning',
  'undoWarningDecision',
  'getEvidence',
  'listKeptFiles',
  'getKeptFile',
  'listMentionedNames',
  'removeExport',
  'listVoiceGroups',
  'assignVoiceGroup',
  'enrollVoice',
  'getAnalysisStatus',
  'deleteAllData',
] as const;

export type ApiMethod = (typeof apiMethods)[number];

/** The IPC channel prefix: the preload refuses anything outside it. */
export const channelPrefix = 'earshot:';

/** The one IPC channel the core's pushed events travel on, main process → window. */
export const eventChannel = `${channelPrefix}event`;
