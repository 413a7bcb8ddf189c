// Warning reasons, English and German: why Earshot raised a warning, as stored with it and listed
// in the evidence for the vendor. The window's own headlines are in renderer/src/i18n.
import type { Entry } from './text.ts';

export const warnings = {
  // `{yours}` is the user's own accounts, joined with commas.
  account: {
    en: {
      one: 'This export appears to belong to {account}, not to you. It names the account {account} (in “{file}”), and you told Earshot yours is {yours}.',
      other:
        'This export appears to belong to {account}, not to you. It names the account {account} (in “{file}”), and you told Earshot yours are {yours}.',
    },
    de: {
      one: 'Dieser Export scheint {account} zu gehören, nicht dir. Er nennt das Konto {account} (in „{file}“), und du hast Earshot gesagt, deines ist {yours}.',
      other:
        'Dieser Export scheint {account} zu gehören, nicht dir. Er nennt das Konto {account} (in „{file}“), und du hast Earshot gesagt, deine sind {yours}.',
    },
  },
  speakerOutsider: {
    en: {
      one: "Alexa thought {name} was speaking in {count} recording, who isn't in your household.",
      other: "Alexa thought {name} was speaking in {count} recordings, who isn't in your household.",
    },
    de: {
      one: 'Alexa meinte in {count} Aufnahme, {name} spreche – {name} gehört nicht zu deinem Haushalt.',
      other: 'Alexa meinte in {count} Aufnahmen, {name} spreche – {name} gehört nicht zu deinem Haushalt.',
    },
  },
  speakerUnknown: {
    en: {
      one: 'Alexa thought {name} was speaking in {count} recording. Tell Earshot who lives with you so it can check.',
      other:
        'Alexa thought {name} was speaking in {count} recordings. Tell Earshot who lives with you so it can check.',
    },
    de: {
      one: 'Alexa meinte in {count} Aufnahme, {name} spreche. Sag Earshot, wer bei dir wohnt, dann kann es das prüfen.',
      other:
        'Alexa meinte in {count} Aufnahmen, {name} spreche. Sag Earshot, wer bei dir wohnt, dann kann es das prüfen.',
    },
  },
  nameOutsider: {
    en: {
      one: "{count} recording mentions {name}, who isn't in your household.",
      other: "{count} recordings mention {name}, who isn't in your household.",
    },
    de: {
      one: '{count} Aufnahme nennt {name}, die oder der nicht zu deinem Haushalt gehört.',
      other: '{count} Aufnahmen nennen {name}, die oder der nicht zu deinem Haushalt gehört.',
    },
  },
  nameUnknown: {
    en: {
      one: '{count} recording mentions {name}. Tell Earshot who lives with you so it can tell whether that is someone you know.',
      other:
        '{count} recordings mention {name}. Tell Earshot who lives with you so it can tell whether that is someone you know.',
    },
    de: {
      one: '{count} Aufnahme nennt {name}. Sag Earshot, wer bei dir wohnt, dann kann es erkennen, ob das jemand ist, den du kennst.',
      other:
        '{count} Aufnahmen nennen {name}. Sag Earshot, wer bei dir wohnt, dann kann es erkennen, ob das jemand ist, den du kennst.',
    },
  },
  // {group} is a voice group's label ("Voice A"); {sureness} one of the three below.
  voiceSomeoneElse: {
    en: {
      one: 'You said {group} is someone else. {count} recording is in it.',
      other: 'You said {group} is someone else. {count} recordings are in it.',
    },
    de: {
      one: 'Du hast gesagt, {group} ist jemand anderes. Sie umfasst {count} Aufnahme.',
      other: 'Du hast gesagt, {group} ist jemand anderes. Sie umfasst {count} Aufnahmen.',
    },
  },
  voiceForeign: {
    en: {
      one: "{count} recording in {group} may be someone else's voice: it does not sound like you or anyone you named ({sureness}).",
      other:
        "{count} recordings in {group} may be someone else's voice: it does not sound like you or anyone you named ({sureness}).",
    },
    de: {
      one: '{count} Aufnahme in {group} ist vielleicht die Stimme einer anderen Person: Sie klingt weder nach dir noch nach jemandem, den du genannt hast ({sureness}).',
      other:
        '{count} Aufnahmen in {group} sind vielleicht die Stimme einer anderen Person: Sie klingt weder nach dir noch nach jemandem, den du genannt hast ({sureness}).',
    },
  },
  voiceForeignVendor: {
    en: {
      one: "{count} recording in {group} may be someone else's voice: it does not sound like you or anyone you named ({sureness}). The assistant itself marked {vendorCount} of them as from an unrecognised speaker.",
      other:
        "{count} recordings in {group} may be someone else's voice: it does not sound like you or anyone you named ({sureness}). The assistant itself marked {vendorCount} of them as from an unrecognised speaker.",
    },
    de: {
      one: '{count} Aufnahme in {group} ist vielleicht die Stimme einer anderen Person: Sie klingt weder nach dir noch nach jemandem, den du genannt hast ({sureness}). Der Assistent selbst hat {vendorCount} davon einer unbekannten Stimme zugeordnet.',
      other:
        '{count} Aufnahmen in {group} sind vielleicht die Stimme einer anderen Person: Sie klingt weder nach dir noch nach jemandem, den du genannt hast ({sureness}). Der Assistent selbst hat {vendorCount} davon einer unbekannten Stimme zugeordnet.',
    },
  },
  surenessHigh: { en: 'Earshot is fairly sure', de: 'Earshot ist ziemlich sicher' },
  surenessMedium: { en: 'Earshot is not sure', de: 'Earshot ist nicht sicher' },
  surenessLow: { en: 'this is only a guess', de: 'das ist nur eine Vermutung' },
  exportVoice: {
    en: {
      one: 'None of the {count} voice recordings in this export sounds like you or anyone you named. This export may belong to someone else.',
      other:
        'None of the {count} voice recordings in this export sounds like you or anyone you named. This export may belong to someone else.',
    },
    de: {
      one: 'Die {count} Sprachaufnahme in diesem Export klingt weder nach dir noch nach jemandem, den du genannt hast. Dieser Export gehört vielleicht jemand anderem.',
      other:
        'Keine der {count} Sprachaufnahmen in diesem Export klingt nach dir oder nach jemandem, den du genannt hast. Dieser Export gehört vielleicht jemand anderem.',
    },
  },
} satisfies Record<string, Entry>;
