import type { Format, Report } from '../model/report.ts';
import { FORMATS } from '../templates/index.ts';
import type { Locale } from '../templates/types.ts';
import { getCell } from './cells.ts';
import { describeCell } from './describe.ts';
import { ENGINE_MESSAGES } from './engine-messages.ts';
import { fingerprintOf } from './fingerprint.ts';
import { formatMessage } from './format-message.ts';
import type {
  CheckOptions,
  CheckResult,
  Equation,
  Finding,
  Pass,
  Rule,
  RuleContext,
  Severity,
} from './types.ts';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const EPSILON = 1e-9;

interface PendingEquation extends Equation {
  rule: Rule;
  order: number;
  lhs: number;
  rhs: number;
  cells: string[];
  /** Cell values with blanks as 0. */
  values: Map<string, number>;
}

interface PendingFinding extends Finding {
  rule: Rule;
  order: number;
}

/**
 * Runs every applicable rule over a report and returns its findings, most
 * severe first. Never throws on a schema-valid report and runs on partly
 * filled ones (blank cells are null, missing rows undefined).
 *
 * @example
 * import { check } from '@nianbao/schema';
 * const findings = check(report, { locale: 'en' });
 */
export function runRules(
  rules: readonly Rule[],
  report: Report,
  options: CheckOptions = {},
): CheckResult {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const format: Format = report.format === '2021' ? '2021' : '2019';
  const template = FORMATS[format];
  const pending: PendingFinding[] = [];
  const equations: PendingEquation[] = [];
  const passes: Pass[] = [];
  const only = options.rules ? new Set(options.rules) : undefined;
  const describe = (path: string) => describeCell(format, path, locale);

  const ctxBase = {
    report,
    format,
    template,
    locale,
    options,
    previous: options.previous,
    provenance: options.provenance,
    agencyKind: options.agencyKind ?? report.meta?.agencyKind,
    publishedAt: options.publishedAt ?? report.meta?.publishedAt,
    cell: (path: string) => getCell(report, path),
    previousCell: (path: string) => getCell(options.previous, path),
    label: describe,
  };

  const active: Rule[] = [];
  rules.forEach((rule, order) => {
    if (only && !only.has(rule.meta.id)) return;
    if (!rule.meta.formats.includes(format)) return;
    const ctx: RuleContext = {
      ...ctxBase,
      flag(issue) {
        const messageId = issue.messageId ?? 'default';
        const template = rule.meta.messages[messageId] ?? rule.meta.messages.default;
        const params: Record<string, string | number> = {
          cell: issue.cells[0] ? describe(issue.cells[0]) : '',
          ...issue.params,
        };
        if (issue.expected !== undefined) params.expected ??= issue.expected;
        if (issue.actual !== undefined) params.actual ??= issue.actual;
        pending.push({
          rule,
          order,
          ruleId: rule.meta.id,
          severity: issue.severity ?? rule.meta.severity,
          origin: issue.origin ?? 'report',
          message: formatMessage(template, locale, params),
          cells: issue.cells,
          ...(issue.expected !== undefined && { expected: issue.expected }),
          ...(issue.actual !== undefined && { actual: issue.actual }),
          ...(issue.fix && { fix: issue.fix }),
          fingerprint: fingerprintOf(rule.meta.id, issue.cells, issue.key),
          params,
        });
      },
      equation(eq) {
        const values = [...eq.sum, ...eq.equals].map((p) => getCell(report, p));
        if (values.some((v) => v === undefined)) return; // a row is missing: the SHAPE rules say so
        const total = (paths: string[]) => paths.reduce((s, p) => s + (getCell(report, p) ?? 0), 0);
        const cellValues = new Map(
          [...eq.sum, ...eq.equals].map((p) => [p, getCell(report, p) ?? 0]),
        );
        equations.push({
          ...eq,
          rule,
          order,
          lhs: total(eq.sum),
          rhs: total(eq.equals),
          cells: [...eq.equals, ...eq.sum],
          values: cellValues,
        });
      },
      pass(note) {
        const template =
          rule.meta.messages[note.messageId ?? 'default'] ?? rule.meta.messages.default;
        passes.push({
          ruleId: rule.meta.id,
          message: formatMessage(template, locale, note.params),
          cells: note.cells ?? [],
          ...(note.params && { params: note.params }),
        });
      },
    };
    try {
      if (rule.applies && !rule.applies(ctx)) return;
      active.push(rule);
      rule.check(ctx);
    } catch (error) {
      pending.push({
        rule,
        order,
        ruleId: rule.meta.id,
        severity: 'info',
        origin: 'extraction',
        message: formatMessage(ENGINE_MESSAGES.ruleFailed, locale, {
          rule: rule.meta.id,
          reason: error instanceof Error ? error.message : String(error),
        }),
        cells: [],
        fingerprint: fingerprintOf(rule.meta.id, [], 'rule-failed'),
      });
    }
  });

  const severityOf = severityAdjuster(active);
  pending.push(...resolveEquations(equations, severityOf, locale, describe));

  const findings: Finding[] = pending
    .map((f) => ({
      ...f,
      severity: f.ruleId === f.rule.meta.id ? severityOf(f.rule, f.severity) : f.severity,
    }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order)
    .map(({ rule: _rule, order: _order, ...finding }) => finding);
  return { findings, passes };
}

/** Severity policies declared by rules (`meta.adjusts`), applied by tag. */
function severityAdjuster(active: Rule[]): (rule: Rule, severity: Severity) => Severity {
  const policies = active.flatMap((r) => (r.meta.adjusts ? [r.meta.adjusts] : []));
  return (rule, severity) => {
    let result = severity;
    for (const policy of policies) {
      if (!policy.tags.some((t) => rule.meta.tags.includes(t))) continue;
      // A policy only relaxes: it never turns a warning into an error.
      if (SEVERITY_RANK[policy.severity] > SEVERITY_RANK[result]) result = policy.severity;
    }
    return result;
  };
}

/**
 * Turns failing equations into findings. Equations that fail together and share
 * exactly one cell whose single new value satisfies all of them (and breaks no
 * passing equation) become one finding on that cell, with a `fix`.
 */
function resolveEquations(
  equations: PendingEquation[],
  severityOf: (rule: Rule, s: Severity) => Severity,
  locale: Locale,
  describe: (path: string) => string,
): PendingFinding[] {
  const failing = equations.filter((e) => Math.abs(e.lhs - e.rhs) > EPSILON);
  const passing = equations.filter((e) => Math.abs(e.lhs - e.rhs) <= EPSILON);
  const out: PendingFinding[] = [];
  for (const component of components(failing)) {
    const fix = pinpoint(component, passing);
    if (fix) {
      const first = component.reduce((a, b) => (b.order < a.order ? b : a));
      const severity = component
        .map((e) => severityOf(e.rule, e.rule.meta.severity))
        .reduce((a, b) => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a));
      const others = [...new Set(component.flatMap((e) => e.cells))].filter((c) => c !== fix.cell);
      const ruleIds = [...new Set(component.map((e) => e.rule.meta.id))];
      const params = {
        cell: describe(fix.cell),
        actual: fix.actual,
        expected: fix.value,
        count: component.length,
        rules: ruleIds.join(locale === 'en' ? ', ' : '、'),
      };
      out.push({
        rule: first.rule,
        order: first.order,
        ruleId: first.rule.meta.id,
        severity,
        origin: 'report',
        message: formatMessage(ENGINE_MESSAGES.pinpoint, locale, params),
        cells: [fix.cell, ...others],
        expected: fix.value,
        actual: fix.actual,
        fix: { cell: fix.cell, value: fix.value },
        fingerprint: fingerprintOf(first.rule.meta.id, [fix.cell], 'pinpoint'),
        params,
      });
      continue;
    }
    for (const e of component) {
      const template =
        e.rule.meta.messages[e.messageId ?? 'default'] ?? e.rule.meta.messages.default;
      const params = {
        cell: describe(e.cells[0]!),
        expected: round(e.lhs),
        actual: round(e.rhs),
        difference: round(e.rhs - e.lhs),
        ...e.params,
      };
      out.push({
        rule: e.rule,
        order: e.order,
        ruleId: e.rule.meta.id,
        severity: e.rule.meta.severity,
        origin: 'report',
        message: formatMessage(template, locale, params),
        cells: e.cells,
        expected: round(e.lhs),
        actual: round(e.rhs),
        fingerprint: fingerprintOf(e.rule.meta.id, e.cells),
        params,
      });
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Groups failing equations that share cells (union–find over cell paths). */
function components(failing: PendingEquation[]): PendingEquation[][] {
  const parent = failing.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  failing.forEach((e, i) => {
    for (const c of e.cells) {
      const j = owner.get(c);
      if (j === undefined) owner.set(c, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, PendingEquation[]>();
  failing.forEach((e, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  });
  return [...groups.values()];
}

function pinpoint(
  component: PendingEquation[],
  passing: PendingEquation[],
): { cell: string; value: number; actual: number } | undefined {
  let shared = new Set(component[0]!.cells);
  for (const e of component.slice(1)) shared = new Set(e.cells.filter((c) => shared.has(c)));
  const solutions: { cell: string; value: number; actual: number }[] = [];
  for (const cell of shared) {
    if (passing.some((e) => e.cells.includes(cell))) continue;
    let value: number | undefined;
    let consistent = true;
    let actual = 0;
    for (const e of component) {
      const coefficient = count(e.sum, cell) - count(e.equals, cell);
      if (coefficient === 0) {
        consistent = false;
        break;
      }
      actual = valueIn(e, cell);
      const solved = actual - (e.lhs - e.rhs) / coefficient;
      if (value === undefined) value = solved;
      else if (Math.abs(value - solved) > EPSILON) consistent = false;
    }
    if (consistent && value !== undefined && value >= 0) {
      solutions.push({ cell, value: round(value), actual });
    }
  }
  return solutions.length === 1 ? solutions[0] : undefined;
}

function count(list: string[], item: string): number {
  return list.filter((x) => x === item).length;
}

function valueIn(e: PendingEquation, cell: string): number {
  return e.values.get(cell) ?? 0;
}
