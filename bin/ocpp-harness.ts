#!/usr/bin/env node
// ocpp-harness: an OCPP conformance test harness that plays either side of an OCPP-J link.
import { Command, Option } from 'commander';
import { compareCommand } from '../harness/cli/compare-command.js';
import { listCommand } from '../harness/cli/list-command.js';
import { pkiInitCommand, pkiShowCommand } from '../harness/cli/pki-command.js';
import { UsageError } from '../harness/cli/parse.js';
import { rejudgeCommand } from '../harness/cli/rejudge-command.js';
import { simulateCommand } from '../harness/cli/simulate-command.js';
import { testCommand } from '../harness/cli/test-command.js';
import { fuzzCommand } from '../harness/cli/fuzz-command.js';
import { CORPUS } from '../harness/fuzz/corpus.js';
import { guardOutputStreams } from '../harness/cli/output-guard.js';
import { ConfigError } from '../harness/config/load.js';
import { PortInUseError } from '../harness/transport/port-in-use.js';
import { allVersionModules } from '../harness/versions/registry.js';
import { packageInfo } from '../harness/package-info.js';

const { version } = packageInfo;

guardOutputStreams();
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Wrap a comma list at 100 columns, continuation lines indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 100 - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent + 2)}`);
}

const program = new Command('ocpp-harness')
  .description('OCPP conformance test harness: plays the CSMS to test a charge point, or a charge point to test a CSMS')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

program.command('test')
  .description('run conformance cases against a system under test')
  .argument('<sut>', 'the system under test: charge-point (harness plays the CSMS), csms (harness plays a charge point), or all')
  .option('--listen <host:port>', 'charge-point: where the harness CSMS listens', '0.0.0.0:9000')
  .option('--url <ws-url>', 'csms: the CSMS endpoint; the identity is appended as the last path segment')
  .option('--identity <id>', 'charge point identity (charge-point: only this identity is accepted)')
  .option('--ocpp <version>', `OCPP version: ${allVersionModules().map((m) => m.facts.id).join(' or ')}`, '1.6')
  .option('--profile <list>', 'certification profiles, comma-separated, or all', 'all')
  .option('--cases <list>', 'case ids or globs, comma-separated (e.g. TC_00*_CS)')
  .option('--exclude <list>', 'case ids or globs to leave out')
  .option('--config <file>', 'run configuration (JSON); see fixtures/configs/')
  .option('--report-dir <dir>', 'where reports go (default ./reports/<timestamp>)')
  .option('--strict', 'NON_STRICT findings (SHOULDs, tolerated spellings) fail the run')
  .option('--require-complete', 'exit 2 when a declared profile is incomplete (applicable cases did not run: missing SUT control action, operator skip, filter)')
  .option('--dry-run', 'list the selected cases without running them')
  .option('--builtin', 'test the built-in reference peer(s) instead of an external system')
  .option('--parallel <n>', 'with --builtin: run cases in n independent lanes, each with its own peer (default 8)')
  .addOption(new Option('--builtin-fault <name>', 'give the built-in peer a named fault (repeatable), to see a check fail').argParser(collect))
  .option('--security-profile <n>', 'security profile 0-3 (overrides security.profile; 2 and 3 use TLS)')
  .option('--pki <dir>', 'test PKI made by `pki init` (overrides security.pkiDir; profiles 2-3 make one per run when none is given)')
  .option('--quiet', 'print only failures and the summary')
  .option('--verbose', 'print more (the built-in peer\'s log)')
  .addHelpText('after', () => [
    '',
    'Exit codes: 0 no failures; 1 at least one FAIL; 2 usage/config error, a case could not be judged,',
    '            or (with --require-complete) a declared profile is incomplete.',
    '',
    'Faults for --builtin-fault (the built-in peer behaves wrongly in that named way):',
    ...allVersionModules().flatMap((m) => [
      `  OCPP ${m.facts.id}`,
      `    charge point: ${wrap(m.reference.chargePointQuirks.join(', ') || 'none yet', 16)}`,
      `    CSMS:         ${wrap(m.reference.csmsQuirks.join(', ') || 'none yet', 16)}`,
    ]),
  ].join('\n'))
  .action(async (sut: string, flags) => {
    process.exitCode = await testCommand(sut, flags);
  });

program.command('fuzz')
  .description('send the hostile-frame corpus at a system under test: one case per corpus entry, a verdict for each, the same reports')
  .argument('<sut>', 'charge-point (harness plays the CSMS), csms (harness plays a charge point), or all')
  .option('--listen <host:port>', 'charge-point: where the harness CSMS listens', '0.0.0.0:9000')
  .option('--url <ws-url>', 'csms: the CSMS endpoint; the identity is appended as the last path segment')
  .option('--identity <id>', 'charge point identity (charge-point: only this identity is accepted)')
  .option('--ocpp <version>', `OCPP version: ${allVersionModules().map((m) => m.facts.id).join(' or ')}`, '1.6')
  .option('--seed <n>', 'the run is reproducible from its seed', '1')
  .option('--rounds <n>', 'frames per corpus entry (each a new variant drawn from the seed)', '3')
  .option('--entries <list>', `only these corpus entries: ${wrap(CORPUS.map((e) => e.name).join(', '), 4)}`)
  .option('--config <file>', 'run configuration (JSON); see fixtures/configs/')
  .option('--report-dir <dir>', 'where reports go (default ./reports/<timestamp>)')
  .option('--strict', 'NON_STRICT findings fail the run')
  .option('--builtin', 'fuzz the built-in reference peer(s)')
  .addOption(new Option('--builtin-fault <name>', 'give the built-in peer a named fault (repeatable)').argParser(collect))
  .option('--parallel <n>', 'with --builtin: lanes per side (default 8)')
  .option('--quiet', 'print only failures and the summary')
  .option('--verbose', 'print more')
  .action(async (sut: string, flags) => {
    process.exitCode = await fuzzCommand(sut, flags);
  });

program.command('list')
  .description('list the cases: ID, version, SUT side, profile, title')
  .option('--ocpp <version>', 'only this OCPP version')
  .option('--sut <side>', 'charge-point or csms')
  .option('--profile <list>', 'only these profiles')
  .option('--json', 'machine-readable output')
  .action(async (flags) => {
    process.exitCode = await listCommand(flags);
  });

program.command('simulate')
  .description('run a built-in reference peer on its own (a simulator)')
  .argument('<role>', 'charge-point or csms')
  .option('--url <ws-url>', 'charge-point: the CSMS to connect to')
  .option('--identity <id>', 'charge-point: its identity', 'CP001')
  .option('--connectors <list>', 'charge-point: connector ids', '1')
  .option('--listen <host:port>', 'csms: where to listen', '0.0.0.0:9000')
  .option('--heartbeat <s>', 'csms: HeartbeatInterval to give charge points', '60')
  .option('--ocpp <version>', 'OCPP version of the peer: 1.6 or 2.0.1', '1.6')
  .option('--password <pw>', 'HTTP Basic-auth password (security profile 1)')
  .option('--security-profile <n>', 'security profile: 0, 1 (Basic auth, needs --password), 2 (TLS + Basic auth) or 3 (client certificates); 2 and 3 with --pki')
  .option('--pki <dir>', 'profiles 2-3: the PKI directory (ocpp-harness pki init); csms: its server certificates and signing CA; charge point: the CSMS root it trusts and its client certificate')
  .option('--control <host:port>', 'also serve the HTTP control endpoint (POST /<action>) that sutControl "http" drives')
  .addOption(new Option('--fault <name>', 'behave wrongly in this named way (repeatable)').argParser(collect))
  .option('--quiet', 'no log output')
  .action(async (role: string, flags) => {
    process.exitCode = await simulateCommand(role, flags);
  });

const pki = program.command('pki')
  .description('a test PKI for security profiles 2 and 3 (OCPP 1.6 Security Whitepaper)');
pki.command('init')
  .description('make a CSMS root CA, server certificates (RSA and EC), charge point certificates, a manufacturer root, a firmware signing certificate and the negative ones')
  .argument('<dir>', 'directory to write the PEM files and pki.json into')
  .option('--identity <id>', 'charge point identity: CN of its client certificate', 'CP001')
  .addOption(new Option('--host <host>', 'host of the CSMS server certificate: CN and SAN (repeatable; default 127.0.0.1 and localhost)').argParser(collect))
  .option('--key <rsa|ec>', 'key family of the roots and the default certificates', 'ec')
  .option('--cpo-name <name>', 'CPO organisation (O, and the CpoName a charger puts in its CSR)')
  .option('--force', 'replace a PKI already in the directory')
  .action(async (dir: string, flags) => {
    process.exitCode = await pkiInitCommand(dir, flags);
  });
pki.command('show')
  .description('print what a charger must trust and install, and what a CSMS must trust')
  .argument('<dir>', 'a directory made by pki init')
  .action(async (dir: string) => {
    process.exitCode = await pkiShowCommand(dir);
  });

program.command('rejudge')
  .description('run every check again over a saved trace (traces/<ID>.jsonl)')
  .argument('<trace>', 'a trace file written by `test`')
  .option('--strict', 'NON_STRICT findings fail')
  .option('--json', 'machine-readable output')
  .option('--chart [file]', 'also write the message sequence chart of the trace as HTML (default <trace>.sequence.html)')
  .action(async (file: string, flags) => {
    process.exitCode = await rejudgeCommand(file, flags);
  });

program.command('compare')
  .description('what changed between two runs: new FAILs, fixed cases, changed verdicts and findings, cases added or removed')
  .argument('<old>', 'results.json of the earlier run (or its report directory)')
  .argument('<new>', 'results.json of the later run (or its report directory)')
  .option('--json', 'machine-readable output')
  .addHelpText('after', '\nExit codes: 0 no case FAILs that did not before; 1 at least one regression; 2 a file could not be read.')
  .action(async (oldFile: string, newFile: string, flags) => {
    process.exitCode = await compareCommand(oldFile, newFile, flags);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number; message?: string };
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') process.exitCode = 0;
  else if (e.code?.startsWith('commander.')) process.exitCode = 2;
  else if (err instanceof UsageError || err instanceof ConfigError || err instanceof PortInUseError) {
    process.stderr.write(`ocpp-harness: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`ocpp-harness: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  }
}
