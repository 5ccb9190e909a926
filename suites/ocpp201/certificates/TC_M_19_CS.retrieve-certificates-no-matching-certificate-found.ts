import { defineCase } from '../../../harness/dsl/define-case.js';
import { getInstalled, listedEntries } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_19_CS (Table 327)';

export default defineCase({
  id: 'TC_M_19_CS',
  title: 'Retrieve certificates from Charging Station - No matching certificate found',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.02'] },
  purpose: 'Asked for the MORootCertificates it has none of, the station answers NotFound without certificateHashDataChain.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.02', 'OCPP 2.0.1 Part 2 M04.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_19_CS; ours: a station whose MORootCertificates cannot be deleted is NOT_APPLICABLE (the table\'s prerequisite).',
}, async (t) => {
  const cp = await t.csms.booted();
  await t.step(0, 'Before: no MORootCertificate is installed (any there is deleted)', async () => {
    const res = await getInstalled(cp, ['MORootCertificate'], { octt: 'not-checked', requirement: `${TABLE} configuration state: GetInstalledCertificateIds MORootCertificate (Part 2 M03.FR.01)` });
    for (const entry of listedEntries(res.payload, 'MORootCertificate')) {
      const del = await cp.call('DeleteCertificate', { certificateHashData: entry.certificateHashData }, {
        octt: 'not-checked', requirement: `${TABLE} configuration state: an installed MORootCertificate is deleted (Part 2 M04.FR.01)`,
      });
      if (del.payload.status !== 'Accepted') t.notApplicable(`the station has a MORootCertificate it does not delete (DeleteCertificate ${String(del.payload.status)}): the table's prerequisite is not met`);
    }
  });
  await t.step(1, 'GetInstalledCertificateIds for MORootCertificate (step 2: NotFound, certificateHashDataChain omitted)', () =>
    getInstalled(cp, ['MORootCertificate'], {
      expect: { status: 'NotFound', certificateHashDataChain: { present: false } },
      requirement: `${TABLE} step 2; Part 2 M03.FR.02: no certificate of the type is installed, so status NotFound (and no hash data)`,
    }));
});
