import { defineCase } from '../../../harness/dsl/define-case.js';
import type { InstalledChargingProfile } from '../../../harness/versions/ocpp16/smart-charging/types.js';
import { CLEARED_BEFORE, PREDICTED_COMPOSITE, expectComposite, inUnit, smartChargingBefore, startCharging, stopCharging } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_059_CS',
  title: 'Remote Start Transaction with Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 85, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction carrying a TxProfile (without transactionId) starts a transaction that follows that profile: the composite schedule the charge point reports for the connector is the TxProfile\'s.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §5.16.2 Setting a charge profile in a RemoteStartTransaction request',
    'OCPP 1.6 §6.33 RemoteStartTransaction.req (chargingProfile)',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 errata 3.41 (no transactionId in the profile of a RemoteStartTransaction)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 85; ours: the unit read and the clear before, the profile (a Relative TxProfile, 6 A or 6000 W, the configured duration; the table leaves it open), the predicted periods, step 4 (clean-up).',
  deviations: [CLEARED_BEFORE, PREDICTED_COMPOSITE],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit } = await step(0, 'Before (ours): the charger\'s rate unit; ClearChargingProfile without fields', async () => {
    const link = await csms.booted();
    return { cp: link, unit: await smartChargingBefore({ cfg, note }, link) };
  });
  const txProfile: InstalledChargingProfile = {
    connectorId,
    profile: {
      chargingProfileId: 59, stackLevel: sc.stackLevel, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
      chargingSchedule: { duration: sc.durationS, chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: inUnit(6, unit), numberPhases: sc.numberPhases }] },
    },
  };

  const tx = await step(1, 'Reusable state Charging with a TxProfile in RemoteStartTransaction: plug in, RemoteStartTransaction Accepted, StartTransaction, Charging', () =>
    startCharging({ sut }, cp, {
      connectorId, idTag: cfg.idTags.accepted, chargingProfile: txProfile.profile,
      remoteStartRequirement: 'Table 85 step 1; OCPP 1.6 §5.16.2: the Central System MAY include a TxProfile without transactionId (errata 3.41) in RemoteStartTransaction.req; §5.11: a free, plugged-in connector and a valid idTag: Accepted',
    }));

  await step(2, `GetCompositeSchedule for the connector, ${sc.durationS} s in ${unit}: the TxProfile's periods from the transaction start (steps 2–3)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: sc.durationS, unit, installed: [txProfile], transaction: tx,
      requirement: 'Table 85 step 3; OCPP 1.6 §5.16.2: the charge point SHALL apply the profile of the RemoteStartTransaction.req to the newly started transaction; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(4, 'Clean-up (ours): stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));
});
