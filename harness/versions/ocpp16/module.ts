// OCPP 1.6J as the runner drives it: role defaults, reusable states, §1.3 conditions, reference peers.
import { ExpectationUnmet, Inconclusive } from '../../dsl/errors.js';
import { builtinChargePointSecurity } from '../../runner/builtin-security.js';
import { securityProfile, serverSecurity } from '../../security/security-settings.js';
import type { VersionModule } from '../version-module.js';
import { ChargePointConditions } from './conditions/charge-point.js';
import { CsmsConditions } from './conditions/csms.js';
import { OCPP16 } from './facts.js';
import { BUILTIN_CSMS_DECLARATIONS, BUILTIN_CSMS_FEATURES, BUILTIN_DECLARATIONS, BUILTIN_FEATURES } from './reference/declarations.js';
import { ReferenceChargePoint } from './reference/charge-point.js';
import { ReferenceCsms } from './reference/csms.js';
import { CP_QUIRKS, CSMS_QUIRKS, type CpQuirk, type CsmsQuirk } from './reference/quirks.js';
import { chargePointDefaults16 } from './roles/charge-point-defaults.js';
import { chargePointSecurityDefaults16 } from './roles/charge-point-security.js';
import { csmsDefaults16, type CsmsMemory } from './roles/csms-defaults.js';

export const OCPP16_MODULE: VersionModule = {
  facts: OCPP16,
  csmsDefaults(cfg) {
    const memory: CsmsMemory = { nextTransactionId: 1 };
    return () => csmsDefaults16(cfg, memory);
  },
  chargePointDefaults(cfg, role) {
    const defaults = chargePointDefaults16(cfg);
    return { ...defaults, ...chargePointSecurityDefaults16(role.security, defaults) };
  },
  async settleBoot(link, cfg) {
    const boot = await link.expectCall('BootNotification', { requirement: 'OCPP 1.6 §4.2: a charge point sends BootNotification after (re)connecting from a boot' });
    const accepted = await boot.replied;
    if (link.link.state.bootStatus !== 'Accepted') throw new Inconclusive('reusable state Booted: the BootNotification was not accepted');
    // Only once it reports its connectors has the charge point itself seen the acceptance; a stimulus
    // before that could be lost.
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await link.expectCall('StatusNotification', {
        where: { connectorId }, after: accepted.seq,
        requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports every connector, connector 0 included',
      });
    }
  },
  async bootAsChargePoint(link, cfg) {
    const boot = await link.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted' }, requirement: 'Reusable state Booted: the CSMS accepts the BootNotification',
    });
    link.link.state.bootStatus = boot.payload.status as 'Accepted';
    if (boot.payload.status !== 'Accepted') throw new ExpectationUnmet('BootNotification not accepted');
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await link.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' }, {
        requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
      });
    }
  },
  chargePointConditions: (role, cfg, perform, features, warn) => new ChargePointConditions(role, cfg, perform, features, warn),
  csmsConditions: (role, cfg) => new CsmsConditions(role, cfg),
  reference: {
    features: { ChargePoint: BUILTIN_FEATURES, Csms: BUILTIN_CSMS_FEATURES },
    declarations: { ChargePoint: BUILTIN_DECLARATIONS, Csms: BUILTIN_CSMS_DECLARATIONS },
    chargePointQuirks: CP_QUIRKS,
    csmsQuirks: CSMS_QUIRKS,
    async startChargePoint(req) {
      const { cfg } = req;
      const cpSecurity = await builtinChargePointSecurity(cfg);
      const peer = new ReferenceChargePoint({
        url: req.url, identity: cfg.identity, connectorIds: cfg.connectorIds,
        password: req.password, quirks: req.quirks as CpQuirk[], log: req.log,
        lateResponseMs: req.lateResponseMs, ...(cpSecurity ? { security: cpSecurity } : {}),
      });
      await peer.start();
      return { perform: (a, params) => peer.perform(a, params), actions: peer.actions, stop: () => peer.stop() };
    },
    async startCsms(req) {
      const { cfg } = req;
      // At the run's security profile, with the run's PKI (its server certificates, the CA it signs with).
      const peerSecurity = securityProfile(cfg) > 0 ? await serverSecurity(cfg) : undefined;
      const peer = new ReferenceCsms({
        host: req.listen?.host ?? '127.0.0.1', port: req.listen?.port ?? 0, heartbeatIntervalS: cfg.intervals.heartbeatS,
        idTags: { accepted: [cfg.idTags.accepted], blocked: [cfg.idTags.blocked], expired: [cfg.idTags.expired] },
        password: req.password, quirks: req.quirks as CsmsQuirk[], log: req.log,
        lateResponseMs: req.lateResponseMs,
        ...(peerSecurity ? { security: peerSecurity } : {}),
        ...(cfg.security?.pkiDir ? { pkiDir: cfg.security.pkiDir } : {}),
        ...(cfg.security?.cpoName ? { cpoName: cfg.security.cpoName } : {}),
      });
      const { url } = await peer.listen();
      return { url, perform: (a, params) => peer.perform(a, { identity: cfg.identity, ...params }), actions: peer.actions, close: () => peer.close() };
    },
  },
};
