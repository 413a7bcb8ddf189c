// The voices sign for the c't case: an export in which a couple speaks, neither of them the
// enrolled user, is foreign; the user's own export with a partner who never enrolled is not.
// Real speakers from Debian's sound packages plus espeak-ng's voices (see scripts/eval-couple.ts).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import path from 'node:path';
import { exportVerdict, signatureToBytes } from '../electron/core/analysis/voices/index.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { exportVoiceSigns, voiceMethod } from '../electron/core/analysis/voice-groups.ts';
import { fakeImporter } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';
import { coupleTrials, coupleVoices } from '../scripts/eval-couple.ts';
import { asteriskAvailable } from './fixtures/voices.ts';
import { hasEspeak } from './fixtures/amazon.ts';

const SKIP = asteriskAvailable() && hasEspeak() ? false : 'needs asterisk-core-sounds and espeak-ng';

describe('a stranger couple against an enrolled user', { skip: SKIP }, () => {
  let voices: Awaited<ReturnType<typeof coupleVoices>> = [];
  before(async () => {
    voices = await coupleVoices();
  });

  // Carlo enrolled: 16 of the couple's 20 clips "match" him one by one, but no group does.
  it("the c't couple (espeak's German man and woman) is foreign to every real enrolled user", () => {
    const man = voices.find((v) => v.id === 'espeak:de-m');
    const woman = voices.find((v) => v.id === 'espeak:de-f');
    assert.ok(man && woman, `both voices of the couple: ${voices.map((v) => v.id).join(', ')}`);
    const users = voices.filter((v) => !v.id.startsWith('espeak:'));
    assert.ok(users.length >= 3, `real users: ${users.length}`);
    const couple = [...man.vectors.slice(0, 10), ...woman.vectors.slice(0, 10)].map((vector, i) => ({
      id: `c${i}`,
      vector,
    }));
    for (const user of users) {
      const enrolled = [{ person: 'me', vectors: user.vectors.slice(0, 6) }];
      const v = exportVerdict(couple, enrolled);
      assert.equal(v.status, 'foreign', `${user.id}: ${v.reason}`);
      // espeak's man and woman are one synthesiser and may fall into one group: what counts is that
      // the groups hold the couple's recordings and none of them sounds like the user.
      assert.ok(v.groups.reduce((n, g) => n + g.size, 0) >= 15, JSON.stringify(v.groups));
      assert.ok(v.groups.every((g) => !g.matches));
      // The same user with the German woman as unenrolled partner: their own export.
      const own = exportVerdict(
        [...user.vectors.slice(6, 16), ...woman.vectors.slice(0, 10)].map((vector, i) => ({ id: `o${i}`, vector })),
        enrolled,
      );
      assert.notEqual(own.status, 'foreign', `${user.id} + partner: ${own.reason}`);
    }
  });

  it('over every user and couple: nearly all couples caught, no own export with a partner called foreign', () => {
    const st = coupleTrials(voices);
    assert.ok(st.foreignTrials >= 30 && st.ownTrials >= 20, JSON.stringify(st));
    assert.equal(st.ownFalseAlarms, 0, st.misses.join('\n'));
    assert.ok(st.foreignDetected >= 0.95 * st.foreignTrials, st.misses.join('\n'));
  });

  it("in the library: the couple's export gets a voices sign, weaker where single clips matched", async () => {
    const man = voices.find((v) => v.id === 'espeak:de-m')!;
    const woman = voices.find((v) => v.id === 'espeak:de-f')!;
    const couple = [...man.vectors.slice(0, 10), ...woman.vectors.slice(0, 10)];
    const strength = async (userId: string) => {
      const user = voices.find((v) => v.id === userId);
      assert.ok(user, userId);
      const dir = tempDir();
      const db = openLibrary(path.join(dir, 'library.sqlite'));
      try {
        const items = couple.map((_, i) => ({ id: `r${i}`, time: new Date(Date.UTC(2018, 0, 1 + i)).toISOString() }));
        const file = await writeZip(path.join(dir, 'export.zip'), { 'recordings.json': JSON.stringify(items) });
        await runImport(db, [file], { importers: [fakeImporter({ account: null })] });
        const ids = db.prepare('SELECT id FROM recordings ORDER BY time_utc').pluck().all() as number[];
        assert.equal(ids.length, couple.length);
        const insert = db.prepare('INSERT INTO voice_signatures (recording_id, vector, method) VALUES (?, ?, ?)');
        ids.forEach((id, i) => insert.run(id, Buffer.from(signatureToBytes(couple[i]!)), voiceMethod()));
        const enrol = db.prepare(
          'INSERT INTO enrolled_voices (person, vector, source, created_at) VALUES (?, ?, ?, ?)',
        );
        for (const v of user.vectors.slice(0, 6)) enrol.run('me', Buffer.from(signatureToBytes(v)), 'sample', 0);
        const signs = [...exportVoiceSigns(db).values()];
        assert.equal(signs.length, 1, `one voices sign for ${userId}`);
        return signs[0]!;
      } finally {
        db.close();
      }
    };
    // Carlo: many single clips resemble him, the groups don't — a supporting sign.
    const carlo = await strength('asterisk/Carlo');
    assert.equal(carlo.strength, 'supporting', JSON.stringify(carlo.facts));
    assert.equal(carlo.facts.singleMatchesOverruled, true);
    // June: nothing resembles her — decisive.
    const june = await strength('asterisk/June');
    assert.equal(june.strength, 'decisive', JSON.stringify(june.facts));
  });
});
