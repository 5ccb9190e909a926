// `ocpp-harness rejudge TRACE.jsonl`: run every check again over a saved trace, offline.
import { judge } from '../checks/judge.js';
import { findingAxes } from '../report/format.js';
import { readTraceFile } from '../report/trace-file.js';
import { schemaRegistry } from '../schema/registry.js';
import { UsageError } from './parse.js';

export async function rejudgeCommand(file: string, flags: { strict?: boolean; json?: boolean; knownIssues?: never }): Promise<number> {
  let trace;
  try {
    trace = await readTraceFile(file);
  } catch (err) {
    throw new UsageError(`cannot read trace ${file}: ${(err as Error).message}`);
  }
  const { header, events } = trace;
  const strict = flags.strict ?? header.judging.strict;
  const judgement = judge({
    caseId: header.caseId, sut: header.sut, events,
    settings: { ...header.judging, strict }, registry: schemaRegistry(),
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ id: header.caseId, title: header.title, ...judgement }, null, 2)}\n`);
  } else {
    process.stdout.write(`${header.caseId}  ${judgement.verdict}  ${header.title}${judgement.reason ? `\n  ${judgement.reason}` : ''}\n`);
    for (const f of judgement.findings) {
      process.stdout.write(`  [${f.checkId}] ${findingAxes(f)}${f.step !== undefined ? ` step ${f.step}` : ''}\n    requirement: ${f.requirement}\n    expected:    ${f.expected}\n    actual:      ${f.actual}\n`);
    }
  }
  if (judgement.verdict === 'FAIL' || (strict && judgement.verdict === 'NON_STRICT')) return 1;
  return judgement.verdict === 'INCONCLUSIVE' ? 2 : 0;
}
