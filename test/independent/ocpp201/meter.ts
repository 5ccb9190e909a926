// The independent station's meter: one reading of each configured measurand (Part 2 MeasurandEnumType), with
// the units of Appendix 2. Energy is the register; power, current and voltage describe a 3-phase 16 A charge.
type Params = Record<string, unknown>;

const UNITS: Record<string, string> = {
  'Energy.Active.Import.Register': 'Wh',
  'Power.Active.Import': 'W',
  'Current.Import': 'A',
  Voltage: 'V',
};

/** `omitDefaults`: leave out what the schema defaults (context Sample.Periodic, measurand energy register, location Outlet, unit Wh). */
export function sampledValues(energyWh: number, context: string, measurands: string[], charging: boolean, omitDefaults = false): Params[] {
  return measurands.filter((m) => m in UNITS).map((measurand) => {
    const value = measurand === 'Energy.Active.Import.Register' ? energyWh
      : measurand === 'Power.Active.Import' ? (charging ? 11000 : 0)
        : measurand === 'Current.Import' ? (charging ? 16 : 0)
          : 230;
    if (!omitDefaults) return { value, context, measurand, location: 'Outlet', unitOfMeasure: { unit: UNITS[measurand] } };
    const sv: Params = { value };
    if (context !== 'Sample.Periodic') sv.context = context;
    if (measurand !== 'Energy.Active.Import.Register') sv.measurand = measurand;
    if (UNITS[measurand] !== 'Wh') sv.unitOfMeasure = { unit: UNITS[measurand] };
    return sv;
  });
}
