// Schema registry over the OCA JSON schemas as shipped by the `ocpp-rpc` package (the OCA files,
// validation-equivalent: test/unit/schema-provenance.test.ts proves it against the OCA originals).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OcppVersion } from '../trace/types.js';
import { versionFacts } from '../versions/facts-registry.js';
import type { VersionFacts } from '../versions/version-facts.js';
import type { Erratum } from './erratum.js';

export type SchemaKind = 'req' | 'conf';

export interface ValidationOutcome {
  /** False only when the action has no schema in this version (unknown action). */
  known: boolean;
  ok: boolean;
  /** Human-readable errors, `instancePath: message`. */
  errors: string[];
  /** The code an exemplary receiver would answer with, when not ok. */
  rpcErrorCode?: string;
  /** Errata that turned an error into an acceptance. */
  forgivenBy: string[];
}

interface RawSchema { $id: string; $schema?: string; [k: string]: unknown }

const require = createRequire(import.meta.url);

export function rawSchemaFile(version: OcppVersion): RawSchema[] {
  const pkgDir = dirname(require.resolve('ocpp-rpc/package.json'));
  return JSON.parse(readFileSync(join(pkgDir, 'lib', 'schemas', versionFacts(version).schemaFile), 'utf8')) as RawSchema[];
}

export class SchemaRegistry {
  private readonly validators = new Map<string, ValidateFunction>();
  readonly errata: readonly Erratum[];

  readonly facts: VersionFacts;

  constructor(readonly version: OcppVersion) {
    this.facts = versionFacts(version);
    // Never an option that rewrites data (removeAdditional, useDefaults, coerceTypes).
    const ajv = new Ajv({ allErrors: true, strict: false, multipleOfPrecision: 6 });
    addFormats.default(ajv);
    for (const schema of rawSchemaFile(version)) {
      const match = /^urn:(\w+)\.(req|conf)$/.exec(schema.$id);
      if (!match) continue;
      // Ajv >= 8.18 refuses "urn:X.req" ids ("URN without nid"), so the schema body is compiled
      // under our own key; $schema (draft-07, Ajv's default) is dropped with it. The body is untouched.
      const { $id: _id, $schema: _draft, ...body } = schema;
      this.validators.set(`${match[1]}.${match[2]}`, ajv.compile(body));
    }
    this.errata = this.facts.errata;
  }

  has(action: string, kind: SchemaKind = 'req'): boolean {
    return this.validators.has(`${action}.${kind}`);
  }

  actions(): string[] {
    return [...this.validators.keys()].filter((k) => k.endsWith('.req')).map((k) => k.slice(0, -4));
  }

  validate(action: string, kind: SchemaKind, payload: unknown): ValidationOutcome {
    const validator = this.validators.get(`${action}.${kind}`);
    if (!validator) return { known: false, ok: false, errors: [`no ${kind} schema for action "${action}" in OCPP ${this.version}`], forgivenBy: [] };
    if (validator(payload)) return { known: true, ok: true, errors: [], forgivenBy: [] };
    const remaining: ErrorObject[] = [];
    const forgivenBy = new Set<string>();
    for (const error of validator.errors ?? []) {
      const erratum = this.errata.find((e) => e.forgives(action, kind, error, payload));
      if (erratum) forgivenBy.add(erratum.id);
      else remaining.push(error);
    }
    if (remaining.length === 0) return { known: true, ok: true, errors: [], forgivenBy: [...forgivenBy] };
    return {
      known: true,
      ok: false,
      errors: remaining.map(describeError),
      rpcErrorCode: this.facts.errorCodes.forKeyword(remaining[0]!.keyword),
      forgivenBy: [...forgivenBy],
    };
  }

  errataInForce(): { id: string; source: string; appliesTo: string }[] {
    return [
      ...this.errata.map(({ id, source, appliesTo }) => ({ id, source, appliesTo })),
      ...this.facts.validationNotes.map((n) => ({ ...n })),
    ];
  }
}

function describeError(e: ErrorObject): string {
  const path = e.instancePath || '(payload)';
  if (e.keyword === 'additionalProperties') {
    return `${path}: unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (e.keyword === 'enum') {
    return `${path}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return `${path}: ${e.message ?? e.keyword}`;
}

const shared = new Map<OcppVersion, SchemaRegistry>();
/** One registry per version and process: compiling all schemas takes a few milliseconds. */
export function schemaRegistry(version: OcppVersion): SchemaRegistry {
  let r = shared.get(version);
  if (!r) shared.set(version, (r = new SchemaRegistry(version)));
  return r;
}
