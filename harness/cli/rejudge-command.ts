// `ocpp-harness rejudge TRACE.jsonl`: run every check again over a saved trace, offline.
import { judge } from '../checks/judge.js';
import { writeFile } from 'node:fs/promises';
import { findingAxes } from '../report/format.js';
import { sequencePage } from '../report/html/sequence-page.js';
import { readTraceFile } from '../report/trace-file.js';
import { schemaRegistry } from '../schema/registry.js';
import { UsageError } from './parse.js';

/** Where `--chart` writes when given no file: beside the trace, `<name>.sequence.html`. */
export function defaultChartPath(traceFile: string): string {
  return `${traceFile.replace(/\.jsonl$/i, '')}.sequence.html`;
}

export async function rejudgeCommand(file: string, flags: { strict?: boolean; json?: boolean; chart?: string | boolean; knownIssues?: never }): Promise<number> {
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
    settings: { ...header.judging, strict }, registry: schemaRegistry(header.ocpp ?? '1.6'),
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ id: header.caseId, title: header.title, ...judgement }, null, 2)}\n`);
  } else {
    process.stdout.write(`${header.caseId}  ${judgement.verdict}  ${header.title}${judgement.reason ? `\n  ${judgement.reason}` : ''}\n`);
    for (const f of judgement.findings) {
      process.stdout.write(`  [${f.checkId}] ${findingAxes(f)}${f.step !== undefined ? ` step ${f.step}` : ''}\n    requirement: ${f.requirement}\n    expected:    ${f.expected}\n    actual:      ${f.actual}\n`);
    }
  }
  if (flags.chart) {
    const chartFile = typeof flags.chart === 'string' ? flags.chart : defaultChartPath(file);
    try {
      await writeFile(chartFile, sequencePage(header, judgement, events, file), 'utf8');
    } catch (err) {
      throw new UsageError(`cannot write the chart ${chartFile}: ${(err as Error).message}`);
    }
    (flags.json ? process.stderr : process.stdout).write(`chart: ${chartFile}\n`);
  }
  if (judgement.verdict === 'FAIL' || (strict && judgement.verdict === 'NON_STRICT')) return 1;
  return judgement.verdict === 'INCONCLUSIVE' ? 2 : 0;
}
