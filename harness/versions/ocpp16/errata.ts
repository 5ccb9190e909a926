// The OCPP 1.6 errata overlay. The OCA schemas are used unmodified; an erratum never edits a schema, it
// only forgives specific validation errors that a published erratum says are not errors.
import type { Erratum } from '../../schema/erratum.js';


function valueAt(payload: unknown, pointer: string): unknown {
  let node: unknown = payload;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

const parentPointer = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));

export const ERRATA_16: readonly Erratum[] = [
  {
    id: 'ocpp16-hertz-unit',
    source: 'OCPP 1.6 errata sheet v4.0 (2019-10-23) §3.84: UnitOfMeasure gains "Hertz" for measurand Frequency; the JSON schemas were not updated',
    appliesTo: 'MeterValues.req, StopTransaction.req (sampledValue.unit)',
    forgives(action, kind, error, payload) {
      if (kind !== 'req' || (action !== 'MeterValues' && action !== 'StopTransaction')) return false;
      if (error.keyword !== 'enum' || !error.instancePath.endsWith('/unit')) return false;
      if (valueAt(payload, error.instancePath) !== 'Hertz') return false;
      const sampled = valueAt(payload, parentPointer(error.instancePath)) as { measurand?: unknown } | undefined;
      return sampled?.measurand === 'Frequency';
    },
  },
];

/** Not an erratum of the text but of arithmetic: 0.1 steps in binary floating point. */
export const FLOAT_MULTIPLE_OF = {
  id: 'float-multipleOf',
  source: 'OCPP 1.6 schemas use multipleOf 0.1 on limits; binary floats make valid values fail (e.g. 8.1). Validated with decimal precision (Ajv multipleOfPrecision), which changes no data',
  appliesTo: 'SetChargingProfile, RemoteStartTransaction, GetCompositeSchedule.conf (limit, minChargingRate)',
} as const;
