// Issue "nothing a SUT sends can crash the harness or lose a report", defect 6: GetCompositeSchedule with
// a duration of 8.64e8 s blocked the harness (as charge point) for 7 s and answered 8.8 MB; 8.64e9 s threw
// and never answered. The harness answers at once, for at most 31 days, and says so in `duration`.
import { expect } from 'chai';
import { COMPOSITE_HORIZON_S } from '../../harness/versions/ocpp16/roles/charge-point-defaults.js';
import { runAgainstScriptedCsms } from '../support/scripted-csms.js';

const DAILY = {
  connectorId: 0,
  csChargingProfiles: {
    chargingProfileId: 7, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily',
    chargingSchedule: { startSchedule: '2024-01-01T00:00:00Z', duration: 86400, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 3600, limit: 8 }] },
  },
};

describe('a CSMS asking the harness for a composite schedule of absurd length', function () {
  this.timeout(30_000);

  for (const duration of [864_000_000, 8_640_000_000]) {
    it(`duration ${duration} s: answered within 1 s, bounded, with the duration it covers`, async () => {
      const answers: { ms: number; bytes: number; frame: unknown[] }[] = [];
      let sentAt = 0;
      await runAgainstScriptedCsms({
        afterBoot: (ws) => ws.send(JSON.stringify([2, 'scp', 'SetChargingProfile', DAILY])),
        onAnswer: (ws, frame, text) => {
          if (frame[1] === 'scp') {
            sentAt = Date.now();
            ws.send(JSON.stringify([2, 'gcs', 'GetCompositeSchedule', { connectorId: 0, duration, chargingRateUnit: 'A' }]));
          } else if (frame[1] === 'gcs') {
            answers.push({ ms: Date.now() - sentAt, bytes: text.length, frame });
          }
        },
      });
      expect(answers).to.have.length(1);
      const [{ ms, bytes, frame }] = answers as [{ ms: number; bytes: number; frame: unknown[] }];
      expect(frame[0]).to.equal(3);
      expect(ms).to.be.below(1000);
      expect(bytes).to.be.below(100_000);
      const conf = frame[2] as { status: string; chargingSchedule: { duration: number } };
      expect(conf.status).to.equal('Accepted');
      expect(conf.chargingSchedule.duration).to.equal(COMPOSITE_HORIZON_S);
    });
  }
});
