import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { casePath, cpTransport, slowStepMs, urlFor } from '../../ocpp16/firmware/firmware-cs-steps.js';
import { part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_16_CS');
const ENDED = ['Uploaded', 'UploadFailure', 'AcceptedCanceled', 'BadMessage', 'NotSupportedOperation', 'PermissionDenied'];

export default defineCase({
  id: 'TC_F_16_CS',
  title: 'Trigger message - LogStatusNotification - Uploading',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.14'] },
  purpose: 'While the station uploads a log (GetLog), TriggerMessage LogStatusNotification is accepted and the LogStatusNotificationRequest that follows says Uploading.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.14', 'OCPP 2.0.1 Part 2 N01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_16_CS; ours: the <Configured log_location> is a directory on the harness\'s own file servers (HTTP, or FTP where only that is declared); an upload that ended before the trigger took effect leaves the case INCONCLUSIVE (the table\'s state is gone, no finding); afterwards the harness waits for the end of the upload (not judged) and removes the file.',
  pics: { all: ['C-29.3'], text: 'C-29.3' },
}, async (t) => {
  const transport = cpTransport(t, 'http');
  const cp = await t.csms.booted();
  const files = await t.csms.files();
  const dir = casePath('logs', 'TC_F_16_CS', '');
  const requestId = Math.floor(Math.random() * 1_000_000);
  const ended = (from: number) => cp.link.calls.slice(from).some((c) => c.frame.action === 'LogStatusNotification' && ENDED.includes(String(c.frame.payload.status)));
  const from = cp.link.calls.length;
  try {
    const request = await t.step(1, 'GetLog DiagnosticsLog to a directory on the harness: Accepted (steps 1–2)', () =>
      cp.call('GetLog', { logType: 'DiagnosticsLog', requestId, log: { remoteLocation: urlFor(files, transport, dir) } }, {
        expect: { status: 'Accepted' }, requirement: `${TC} step 2 (tool validation); N01: the station accepts to upload its log`,
      }));
    await t.step(3, 'LogStatusNotification Uploading (steps 3–4)', () =>
      cp.expectCall('LogStatusNotification', { after: request.call.seq, match: { status: 'Uploading' }, requirement: `${TC} step 3 (tool validation); N01: Uploading once the upload starts` }));
    const answer = await t.step(5, 'TriggerMessage LogStatusNotification during the upload: Accepted (steps 5–6)', () =>
      triggerMessage(cp, 'LogStatusNotification', 'Accepted', `${TC} step 6 (tool validation); F06.FR.05`));
    await t.step(7, 'LogStatusNotification Uploading (steps 7–8)', async () => {
      // The triggered notification is the first after the trigger that does not end the upload. If the
      // upload ended meanwhile, Idle is right (F06.FR.15) and the table's state is gone: no verdict.
      const deadline = Date.now() + t.cfg.timeouts.messageMs;
      const triggered = () => cp.link.calls.find((c) => c.event.seq > answer.call.seq && c.frame.action === 'LogStatusNotification' && !ENDED.includes(String(c.frame.payload.status)));
      while (!triggered() && Date.now() < deadline && cp.isOpen) await t.sleep(50);
      const seen = triggered();
      if (seen && seen.frame.payload.status !== 'Uploading' && ended(from)) {
        throw new Inconclusive('the upload ended before the triggered LogStatusNotification: the table\'s state (a log upload under way) is gone');
      }
      await cp.expectCall('LogStatusNotification', {
        after: answer.call.seq, where: { status: { oneOf: ['Uploading', 'Idle'] } }, match: { status: 'Uploading' },
        requirement: `${TC} step 7 (tool validation); F06.FR.14 (Uploading while a log is uploaded), F06.FR.10`,
      });
    });
  } finally {
    // Ours: let the upload end (not judged), then remove what arrived.
    const deadline = Date.now() + slowStepMs(t.cfg);
    while (!ended(from) && Date.now() < deadline && cp.isOpen) await t.sleep(100);
    for (const r of files.log.records) if (r.direction === 'upload' && r.path.startsWith(dir)) files.store.deleteUpload(r.path);
  }
});
