// Run the independent 2.0.1 CSMS on its own, to point the harness CLI at it by hand:
//   node --import tsx test/independent/ocpp201/csms-run.ts [--port N] [--variants a,b] [--defects a,b] [--answers sent]
// Prints the URLs it serves, one per line, and runs until SIGINT/SIGTERM.
import { IndependentCsms201, type IndependentCsms201Defect, type IndependentCsms201Variant } from './csms.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (name: string) => (flag(name) ?? '').split(',').filter(Boolean);
const csms = new IndependentCsms201({
  port: Number(flag('port') ?? 0),
  variants: list('variants') as IndependentCsms201Variant[],
  defects: list('defects') as IndependentCsms201Defect[],
  password: flag('password'),
  controlAnswers: flag('answers') === 'sent' ? 'sent' : 'response',
  log: args.includes('--verbose') ? (line) => process.stderr.write(`${line}\n`) : undefined,
});
const { url, controlUrl } = await csms.listen();
process.stdout.write(`csms: ${url}\ncontrol: ${controlUrl}\n`);
await new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await csms.close();
