import { expect } from 'chai';
import { SchemaRegistry } from '../../harness/schema/registry.js';

describe('schema/registry over the OCA 1.6 schemas', () => {
  const registry = new SchemaRegistry('1.6');
  const boot = { chargePointVendor: 'ACME', chargePointModel: 'X1' };

  it('knows every 1.6 action including the Security Whitepaper ones', () => {
    expect(registry.actions()).to.include.members(['BootNotification', 'StartTransaction', 'SignCertificate', 'SecurityEventNotification']);
    expect(registry.actions()).to.have.length(39);
  });

  it('accepts a valid BootNotification.req', () => {
    expect(registry.validate('BootNotification', 'req', boot).ok).to.equal(true);
  });

  it('an extra property FAILS validation: no option that strips data (removeAdditional) is in use', () => {
    const payload = { ...boot, firmwareFlavour: 'x' };
    const outcome = registry.validate('BootNotification', 'req', payload);
    expect(outcome.ok).to.equal(false);
    expect(outcome.errors.join()).to.contain('firmwareFlavour');
    expect(outcome.rpcErrorCode).to.equal('FormationViolation');
    expect(payload).to.have.property('firmwareFlavour', 'x'); // the data is untouched
  });

  it('does not coerce types: a number where a string belongs fails', () => {
    const outcome = registry.validate('ChangeConfiguration', 'req', { key: 'HeartbeatInterval', value: 12 });
    expect(outcome.ok).to.equal(false);
    expect(outcome.rpcErrorCode).to.equal('TypeConstraintViolation');
  });

  it('a missing required property maps to the 1.6 spelling OccurenceConstraintViolation', () => {
    expect(registry.validate('BootNotification', 'req', { chargePointVendor: 'ACME' }).rpcErrorCode).to.equal('OccurenceConstraintViolation');
  });

  it('checks date-time format (RFC 3339)', () => {
    const conf = (currentTime: string) => registry.validate('BootNotification', 'conf', { status: 'Accepted', currentTime, interval: 10 }).ok;
    expect(conf('2024-05-01T10:00:00Z')).to.equal(true);
    expect(conf('2024-05-01T10:00:00.123+02:00')).to.equal(true);
    expect(conf('2024-05-01 10:00:00')).to.equal(false);
    expect(conf('2024-05-01T10:00:00')).to.equal(false); // no zone
  });

  it('errata overlay: Hertz is accepted for Frequency only, and says which erratum allowed it', () => {
    const meter = (unit: string, measurand: string) => ({
      connectorId: 1, meterValue: [{ timestamp: '2024-05-01T10:00:00Z', sampledValue: [{ value: '50', measurand, unit }] }],
    });
    const hertz = registry.validate('MeterValues', 'req', meter('Hertz', 'Frequency'));
    expect(hertz.ok).to.equal(true);
    expect(hertz.forgivenBy).to.deep.equal(['ocpp16-hertz-unit']);
    expect(registry.validate('MeterValues', 'req', meter('Hertz', 'Voltage')).ok).to.equal(false);
    expect(registry.validate('MeterValues', 'req', meter('Parsec', 'Frequency')).ok).to.equal(false);
  });

  it('multipleOf 0.1 is checked in decimal: 8.1 A passes, 8.15 A fails', () => {
    const profile = (limit: number) => ({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
      },
    });
    expect(registry.validate('SetChargingProfile', 'req', profile(8.1)).ok).to.equal(true);
    expect(registry.validate('SetChargingProfile', 'req', profile(8.15)).ok).to.equal(false);
  });

  it('an unknown action has no schema', () => {
    const outcome = registry.validate('FrobnicateWidget', 'req', {});
    expect(outcome.known).to.equal(false);
    expect(registry.has('FrobnicateWidget')).to.equal(false);
  });

  it('lists the errata in force with their sources', () => {
    const ids = registry.errataInForce().map((e) => e.id);
    expect(ids).to.include.members(['ocpp16-hertz-unit', 'float-multipleOf']);
    for (const e of registry.errataInForce()) expect(e.source).to.have.length.above(20);
  });
});
