// Run one independent peer on its own, to point the harness CLI at it by hand:
//   node --import tsx test/independent/run.ts csms [--port N] [--heartbeat S] [--answers response|sent]
//   node --import tsx test/independent/run.ts charge-point --url ws://127.0.0.1:9000/ocpp [--identity CP001]
//        [--variants a,b] [--defects a,b]
//   node --import tsx test/independent/run.ts charging-station-201 --url ws://127.0.0.1:9000/ocpp [--identity CS001]
//        [--variants a,b] [--defects a,b]     (then: ocpp-harness test charge-point --ocpp 2.0.1 …)
// Prints the URLs it serves, one per line, and runs until SIGINT/SIGTERM.
import { IndependentChargePoint, type IndependentCpDefect, type IndependentCpVariant } from './charge-point.js';
import { IndependentCsms } from './csms.js';
import { IndependentChargingStation201, type IndependentCs201Defect, type IndependentCs201Variant } from './ocpp201/charging-station.js';

const [role, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};

let stop: () => Promise<void>;
if (role === 'csms') {
  const csms = new IndependentCsms({
    port: Number(flag('port') ?? 0), heartbeatIntervalS: Number(flag('heartbeat') ?? 60),
    controlAnswers: flag('answers') === 'sent' ? 'sent' : 'response',
  });
  const { url, controlUrl } = await csms.listen();
  process.stdout.write(`csms: ${url}\ncontrol: ${controlUrl}\n`);
  stop = () => csms.close();
} else if (role === 'charge-point') {
  const url = flag('url');
  if (!url) throw new Error('charge-point needs --url');
  const list = (name: string) => (flag(name) ?? '').split(',').filter(Boolean);
  const cp = new IndependentChargePoint({
    url, identity: flag('identity') ?? 'CP001',
    variants: list('variants') as IndependentCpVariant[], defects: list('defects') as IndependentCpDefect[],
  });
  const { controlUrl } = await cp.start();
  process.stdout.write(`control: ${controlUrl}\n`);
  stop = () => cp.stop();
} else if (role === 'charging-station-201') {
  const url = flag('url');
  if (!url) throw new Error('charging-station-201 needs --url');
  const list = (name: string) => (flag(name) ?? '').split(',').filter(Boolean);
  const cs = new IndependentChargingStation201({
    url, identity: flag('identity') ?? 'CS001',
    variants: list('variants') as IndependentCs201Variant[], defects: list('defects') as IndependentCs201Defect[],
  });
  const { controlUrl } = await cs.start();
  process.stdout.write(`control: ${controlUrl}\n`);
  stop = () => cs.stop();
} else {
  throw new Error('run.ts csms|charge-point|charging-station-201');
}
await new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await stop();
