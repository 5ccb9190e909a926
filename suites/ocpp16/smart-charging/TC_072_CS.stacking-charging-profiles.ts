import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfiles, placed, recentStart, setChargingProfileReq, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_072_CS',
  title: 'Stacking Charging Profiles',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 84, follows: '2024-04' },
  purpose: 'Two TxDefaultProfiles of different stack levels on a connector: the higher one prevails while its schedule lasts, then the charge point falls back to the lower one; the composite schedule of a transaction on the connector shows both.',
  refs: [
    'OCPP 1.6 §3.13.2 Stacking charging profiles',
    'OCPP 1.6 errata 3.43 (fall back to a lower stackLevel after the duration)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §5.7 Get Composite Schedule',
  ],
  provenance: 'Steps and profiles as in the public EVerest compliance test for this id (test_stacking_charging_profiles: SetChargingProfile TxDefaultProfile stack level 0 (6/8/10 A over 400 s) and stack level 1 (7/9 A over 150 s), both Accepted → plug in, RemoteStartTransaction, StartTransaction → GetCompositeSchedule: 7, 9, then 8 and 10 A of the lower profile), which is the fixture row Stacking_FallbackAfterDuration used here. No public OCTT step list exists. Ours: step 2 clears earlier profiles; the schedules start 2 s before they are sent; the request covers 300 s (while the stack level 0 profile lasts) and the expected composite is predicted by harness/smart-charging (±1 s for the charge point\'s Time X) rather than hard-coded; steps 7–8 leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const [lower, upper] = placed(fixtureProfiles('Stacking_FallbackAfterDuration'), { startS: recentStart(), connectorId });

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  for (const [n, p] of [[3, lower!], [4, upper!]] as const) {
    await step(n, `SetChargingProfile: a TxDefaultProfile of stack level ${p.profile.stackLevel} (${p.profile.chargingSchedule.duration} s) on connector ${connectorId}; Accepted`, () =>
      cp.call('SetChargingProfile', setChargingProfileReq(p), {
        expect: { status: 'Accepted' },
        requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.2: profiles of one purpose and different stack levels may be stacked',
      }));
  }

  const tx = await step(5, 'Plug in and start a transaction remotely: Preparing, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, { connectorId, idTag: cfg.idTags.accepted }));

  await step(6, 'GetCompositeSchedule for the connector, 300 s in A: the stack level 1 periods, then those of stack level 0', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 300, installed: [lower!, upper!], transaction: tx,
      requirement: 'OCPP 1.6 §3.13.2: at any point in time the prevailing profile SHALL be the one with the highest stackLevel; errata 3.43: after its duration the charge point SHALL use a profile of a lower stackLevel; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(7, 'Clean-up: stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(8, `Clean-up: ClearChargingProfile of the TxDefaultProfiles of connector ${connectorId}; Accepted`, () =>
    cp.call('ClearChargingProfile', { connectorId, chargingProfilePurpose: 'TxDefaultProfile' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §6.13, errata 3.25: the charge point SHALL clear every profile that matches all fields given: Accepted (§7.21)',
    }));
});
