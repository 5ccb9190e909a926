// `ocpp-harness list`: every case with ID, title, version, profile and SUT side.
import { aliasesOf, octtCitation } from '../dsl/octt.js';
import { parseProfile, profileDisplayName } from '../dsl/profiles.js';
import { discoverCases } from '../runner/discover.js';
import { parseSides, UsageError } from './parse.js';

export async function listCommand(flags: { ocpp?: string; sut?: string; profile?: string; json?: boolean }): Promise<number> {
  const sides = flags.sut ? parseSides(flags.sut) : ['ChargePoint', 'Csms'];
  const profiles = flags.profile && flags.profile !== 'all'
    ? flags.profile.split(',').map((p) => {
      const parsed = parseProfile(p.trim());
      if (!parsed) throw new UsageError(`unknown profile "${p}"`);
      return parsed;
    })
    : undefined;
  const cases = (await discoverCases()).filter((c) =>
    (!flags.ocpp || c.meta.ocpp === flags.ocpp) &&
    sides.includes(c.meta.sut) &&
    (!profiles || profiles.includes(c.meta.profile)));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(cases.map(({ meta }) => ({
      id: meta.id, title: meta.title, ocpp: meta.ocpp, profile: meta.profile, sut: meta.sut,
      octtTable: meta.octt ? octtCitation(meta.octt) : undefined, octtRevision: meta.octt?.follows, aliases: aliasesOf(meta),
      purpose: meta.purpose, refs: meta.refs, provenance: meta.provenance, actions: meta.actions ?? [],
      deviations: meta.deviations ?? [],
    })), null, 2)}\n`);
    return 0;
  }
  for (const { meta } of cases) {
    const side = meta.sut === 'ChargePoint' ? 'charge-point' : 'csms';
    const table = meta.octt ? `T${meta.octt.table}` : '-';
    const alias = aliasesOf(meta).length ? `  (= ${aliasesOf(meta).join(', ')} in OCTT 2024-04)` : '';
    process.stdout.write(`${meta.id.padEnd(16)} ${meta.ocpp.padEnd(5)} ${side.padEnd(13)} ${profileDisplayName(meta.profile).padEnd(27)} ${table.padEnd(5)} ${meta.title}${alias}\n`);
  }
  process.stdout.write(`${cases.length} case${cases.length === 1 ? '' : 's'}\n`);
  return 0;
}
