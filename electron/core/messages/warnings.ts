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
  // The export's verdict and its signs.
  exportVerdict: {
    en: {
      one: 'This export is very likely not yours — {count} sign:',
      other: 'This export is very likely not yours — {count} signs:',
    },
    de: {
      one: 'Dieser Export ist sehr wahrscheinlich nicht deiner – {count} Anzeichen:',
      other: 'Dieser Export ist sehr wahrscheinlich nicht deiner – {count} Anzeichen:',
    },
  },
  assistantNone: {
    en: {
      one: '{count} recording comes from {assistant} devices, but you said you have no voice assistant.',
      other: '{count} recordings come from {assistant} devices, but you said you have no voice assistant.',
    },
    de: {
      one: '{count} Aufnahme stammt von {assistant}-Geräten, aber du hast gesagt, du hast keinen Sprachassistenten.',
      other:
        '{count} Aufnahmen stammen von {assistant}-Geräten, aber du hast gesagt, du hast keinen Sprachassistenten.',
    },
  },
  assistantNotYours: {
    en: {
      one: '{count} recording comes from {assistant} devices, but you said you have no {assistant}.',
      other: '{count} recordings come from {assistant} devices, but you said you have no {assistant}.',
    },
    de: {
      one: '{count} Aufnahme stammt von {assistant}-Geräten, aber du hast gesagt, du hast kein {assistant}.',
      other: '{count} Aufnahmen stammen von {assistant}-Geräten, aber du hast gesagt, du hast kein {assistant}.',
    },
  },
  deviceUnconfirmed: {
    en: {
      one: '{count} recording comes from “{device}”, a device you have not confirmed as yours.',
      other: '{count} recordings come from “{device}”, a device you have not confirmed as yours.',
    },
    de: {
      one: '{count} Aufnahme stammt von „{device}“, einem Gerät, das du nicht als deines bestätigt hast.',
      other: '{count} Aufnahmen stammen von „{device}“, einem Gerät, das du nicht als deines bestätigt hast.',
    },
  },
  signDevicesUnconfirmed: {
    en: {
      one: 'Its device ({devices}) is none you confirmed as yours.',
      other: 'Its {count} devices ({devices}) are none you confirmed as yours.',
    },
    de: {
      one: 'Sein Gerät ({devices}) hast du nicht als deines bestätigt.',
      other: 'Keines seiner {count} Geräte ({devices}) hast du als deines bestätigt.',
    },
  },
  place: {
    en: {
      one: '{count} of {total} recordings that name a place ask about {place}, and you said you live in {home}.',
      other: '{count} of {total} recordings that name a place ask about {place}, and you said you live in {home}.',
    },
    de: {
      one: '{count} von {total} Aufnahmen, die einen Ort nennen, fragen nach {place} – und du hast gesagt, du wohnst in {home}.',
      other:
        '{count} von {total} Aufnahmen, die einen Ort nennen, fragen nach {place} – und du hast gesagt, du wohnst in {home}.',
    },
  },
  signNames: {
    en: {
      one: '{count} recording names people outside your household ({names}), and none names anyone in it.',
      other: '{count} recordings name people outside your household ({names}), and none names anyone in it.',
    },
    de: {
      one: '{count} Aufnahme nennt Menschen außerhalb deines Haushalts ({names}), keine nennt jemanden daraus.',
      other: '{count} Aufnahmen nennen Menschen außerhalb deines Haushalts ({names}), keine nennt jemanden daraus.',
    },
  },
  signSpeakerLabels: {
    en: {
      one: 'Alexa thought people outside your household ({names}) were speaking in {count} recording.',
      other: 'Alexa thought people outside your household ({names}) were speaking in {count} recordings.',
    },
    de: {
      one: 'Alexa meinte in {count} Aufnahme, Menschen außerhalb deines Haushalts ({names}) sprächen.',
      other: 'Alexa meinte in {count} Aufnahmen, Menschen außerhalb deines Haushalts ({names}) sprächen.',
    },
  },
  signUnrecognised: {
    en: {
      one: 'Google marked {count} of {total} recordings “From unrecognized speaker”.',
      other: 'Google marked {count} of {total} recordings “From unrecognized speaker”.',
    },
    de: {
      one: 'Google hat {count} von {total} Aufnahmen als „Von nicht erkanntem Sprecher“ markiert.',
      other: 'Google hat {count} von {total} Aufnahmen als „Von nicht erkanntem Sprecher“ markiert.',
    },
  },
} satisfies Record<string, Entry>;
