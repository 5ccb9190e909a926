import { defineCase } from '../../../harness/dsl/define-case.js';
import { clearAllProfiles, expectComposite, fixtureProfiles, placed, recentStart, setChargingProfileReq } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_067_CS',
  title: 'Clear Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 83, follows: '2024-04' },
  purpose: 'ClearChargingProfile removes exactly the profiles it names: after clearing the higher of two stacked TxDefaultProfiles the composite schedule is the lower one\'s; clearing it again is Unknown; clearing by connector and purpose removes the rest.',
  refs: [
    'OCPP 1.6 §5.5 Clear Charging Profile',
    'OCPP 1.6 §6.13 ClearChargingProfile.req',
    'OCPP 1.6 §7.21 ClearChargingProfileStatus',
    'OCPP 1.6 errata 3.25, 3.26 (matching the fields of ClearChargingProfile.req)',
    'OCPP 1.6 §3.13.2 Stacking charging profiles',
    'OCPP 1.6 §5.7 Get Composite Schedule',
  ],
  provenance: 'Derived from the specification, after the public EVerest compliance test for this id (test_clear_charging_profile: SetChargingProfile TxDefaultProfile, Accepted → ClearChargingProfile with its id, connectorId, purpose and stackLevel, Accepted → GetCompositeSchedule without the profile). No public OCTT step list exists. Ours: no transaction is needed (a TxDefaultProfile limits the connector without one, as it would a new transaction); two stacked profiles from the fixture row Stacking_NoDuration_NeverFallsBack (stack level 0: 16 A, 6 A after 10 min; stack level 1: 10 A) so that what remains after the clear is predictable (step 7, predicted by harness/smart-charging, ±1 s for the charge point\'s Time X) instead of the charge point\'s own maximum; steps 8–9 add the Unknown answer (§7.21) and clearing by connector and purpose (errata 3.25), which also leaves the charge point as found.',
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const [lower, upper] = placed(fixtureProfiles('Stacking_NoDuration_NeverFallsBack'), { startS: recentStart(), connectorId });

  await step(2, 'Preparation: ClearChargingProfile without fields; no earlier profile remains', () => clearAllProfiles(cp));

  for (const [n, p] of [[3, lower!], [4, upper!]] as const) {
    await step(n, `SetChargingProfile: a TxDefaultProfile of stack level ${p.profile.stackLevel} on connector ${connectorId}; Accepted`, () =>
      cp.call('SetChargingProfile', setChargingProfileReq(p), {
        expect: { status: 'Accepted' },
        requirement: 'OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.2: profiles of one purpose may be stacked',
      }));
  }

  await step(5, 'GetCompositeSchedule for the connector, 1200 s in A: the stack level 1 profile prevails', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 1200, installed: [lower!, upper!],
      requirement: 'OCPP 1.6 §3.13.2: the prevailing profile SHALL be the one with the highest stackLevel; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(6, 'ClearChargingProfile of the stack level 1 profile (its id, connector, purpose and stack level); Accepted', () =>
    cp.call('ClearChargingProfile', {
      id: upper!.profile.chargingProfileId, connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: upper!.profile.stackLevel,
    }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.5: the charge point SHALL answer whether it could process the request; a profile matching every field given (errata 3.25) was installed and is cleared: Accepted (§7.21)',
    }));

  await step(7, 'GetCompositeSchedule for the connector, 1200 s in A: the stack level 0 profile, the cleared one no longer takes part', () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 1200, installed: [lower!],
      requirement: 'OCPP 1.6 §5.5: the cleared profile is removed; §3.13.2: the remaining profile prevails; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(8, 'ClearChargingProfile of the cleared profile\'s id again; Unknown', () =>
    cp.call('ClearChargingProfile', { id: upper!.profile.chargingProfileId }, {
      expect: { status: 'Unknown' },
      requirement: 'OCPP 1.6 §5.5, §7.21: no charging profile matches the request: Unknown',
    }));

  await step(9, `ClearChargingProfile of the TxDefaultProfiles of connector ${connectorId} (connector and purpose only); Accepted`, () =>
    cp.call('ClearChargingProfile', { connectorId, chargingProfilePurpose: 'TxDefaultProfile' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §6.13, errata 3.25: without an id the charge point SHALL clear every profile that matches all fields given; the stack level 0 profile matches: Accepted (§7.21)',
    }));
});
