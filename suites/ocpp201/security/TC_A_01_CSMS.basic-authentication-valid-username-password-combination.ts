import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_A_01_CSMS',
  title: 'Basic Authentication - Valid username/password combination',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  securityProfiles: [1, 2],
  part6: { useCase: 'A00 Security profiles, B01 Cold Boot Charging Station', requirements: ['A00.FR.204', 'B01.FR.02'] },
  purpose: 'At security profile 1 or 2 the CSMS admits a station that sends its identity and the configured password with HTTP Basic authentication, and accepts its boot.',
  refs: ['OCPP 2.0.1 Part 2 A00.FR.204, A00.FR.207', 'OCPP 2.0.1 Part 2 B01.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_A_01_CSMS; ours: the harness station closes any live connection and dials anew with Basic auth (<identity>:<configured password>); a refused upgrade is the connection failure the runner reports.',
}, async ({ cp, step }) => {
  await step(1, 'The station dials with Basic auth <identity>:<configured password>; the CSMS upgrades the connection (steps 1–2)', () => cp.reconnect());
  await step(3, 'BootNotification (step 4: Accepted) and the state of every connector; the CSMS answers (steps 3–6)', async () => {
    const link = await cp.connection();
    link.link.state.bootStatus = undefined;
    await cp.booted();
  });
});
