// What the CSMS learned of each station's device model: NotifyReport parts (B07/B08, gathered per
// requestId until tbc is false) and the answers to GetVariables (B06), so an operator can look them up.

export interface ReportState {
  requestId: number;
  parts: number;
  complete: boolean;
  variables: { component: string; variable: string; value?: string }[];
}

export class Inventory {
  private readonly reports = new Map<string, ReportState>();
  private readonly values = new Map<string, string>();

  addReportPart(identity: string, req: Record<string, unknown>): void {
    const key = `${identity}\u0000${String(req.requestId)}`;
    const state = this.reports.get(key) ?? { requestId: Number(req.requestId), parts: 0, complete: false, variables: [] };
    state.parts += 1;
    state.complete = req.tbc !== true;
    const items = Array.isArray(req.reportData) ? (req.reportData as Record<string, any>[]) : [];
    for (const item of items) {
      const actual = (item.variableAttribute as { type?: string; value?: string }[] | undefined)?.find((a) => (a.type ?? 'Actual') === 'Actual');
      state.variables.push({ component: String(item.component?.name), variable: String(item.variable?.name), value: actual?.value });
    }
    this.reports.set(key, state);
  }

  noteGetVariablesResult(identity: string, result: unknown): void {
    const rows = (result as { getVariableResult?: Record<string, any>[] } | undefined)?.getVariableResult ?? [];
    for (const r of rows) {
      if (r.attributeStatus === 'Accepted' && typeof r.attributeValue === 'string') {
        this.values.set(`${identity}\u0000${r.component?.name}\u0000${r.variable?.name}\u0000${r.variable?.instance ?? ''}`, r.attributeValue);
      }
    }
  }

  report(identity: string, requestId: number): ReportState | undefined {
    return this.reports.get(`${identity}\u0000${requestId}`);
  }

  value(identity: string, component: string, variable: string, instance = ''): string | undefined {
    return this.values.get(`${identity}\u0000${component}\u0000${variable}\u0000${instance}`);
  }
}
