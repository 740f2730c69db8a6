// The templates (labels as data) and the zod model must describe the same cells:
// every template cell path is a number|null leaf of the model, and every
// number|null leaf of the model's tables is a template cell.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  blankReport,
  cellInfo,
  cellPaths,
  FORMATS,
  type Format,
  Report2019Schema,
  Report2021Schema,
  ReportSchema,
} from '../src/index.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

const TABLES = ['activeDisclosure', 'applications', 'appeals'];

/** Paths of the nullable-number leaves under the three tables of a format's JSON Schema. */
function modelCellPaths(format: Format): string[] {
  const root = z.toJSONSchema(format === '2019' ? Report2019Schema : Report2021Schema, {
    io: 'input',
  }) as JsonSchema;
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(root.$defs![s.$ref.replace('#/$defs/', '')]!) : s;
  const out: string[] = [];
  const walk = (node: JsonSchema, path: string) => {
    const s = resolve(node);
    if (s.properties) {
      for (const [key, child] of Object.entries(s.properties)) walk(child, `${path}.${key}`);
      return;
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    expect(types.sort(), `${path} is a number|null leaf`).toEqual(['null', 'number']);
    out.push(path.slice(1));
  };
  for (const table of TABLES) walk(resolve(root).properties![table]!, `.${table}`);
  return out;
}

describe.each(['2019', '2021'] as const)('format %s: templates and model agree', (format) => {
  it('has the same cell paths in the template as number|null leaves in the model', () => {
    expect([...cellPaths(format)].sort()).toEqual(modelCellPaths(format).sort());
  });

  it('has the cell counts of the spec (表二 22/10, 表三 161/175, 表四 15)', () => {
    const t = FORMATS[format];
    const count = (table: string) => cellPaths(format).filter((p) => p.startsWith(table)).length;
    expect(count('activeDisclosure')).toBe(format === '2019' ? 22 : 10);
    expect(count('applications')).toBe(format === '2019' ? 161 : 175);
    expect(count('appeals')).toBe(15);
    expect(t.activeDisclosure.cellCount).toBe(count('activeDisclosure'));
    expect(t.applications.cellCount).toBe(count('applications'));
  });

  it('accepts a blank report of the template and of a filled one', () => {
    expect(ReportSchema.safeParse(blankReport(format)).success).toBe(true);
    expect(ReportSchema.safeParse(blankReport(format, 0)).success).toBe(true);
  });

  it('rejects a cell path of the template set to a string (the model checks every cell)', () => {
    for (const path of cellPaths(format)) {
      const report = blankReport(format) as unknown as Record<string, Record<string, unknown>>;
      const keys = path.split('.');
      let node: Record<string, unknown> = report;
      for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
      node[keys.at(-1)!] = '1';
      expect(ReportSchema.safeParse(report).success, path).toBe(false);
    }
  });

  it('knows the kind of every cell (count, signed, money)', () => {
    const kinds = new Set(cellPaths(format).map((p) => cellInfo(format, p)!.column.kind));
    expect(kinds).toEqual(
      new Set(format === '2019' ? ['count', 'signed', 'money'] : ['count', 'money']),
    );
  });
});
