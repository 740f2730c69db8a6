import type { Format, Report } from '../model/report.ts';
import { cellIndexOf, cellInfo, FORMATS } from '../templates/index.ts';
import type { Locale } from '../templates/types.ts';
import { getCell, getPath } from './cells.ts';
import { describeCell } from './describe.ts';
import { ENGINE_MESSAGES } from './engine-messages.ts';
import { fingerprintOf } from './fingerprint.ts';
import { formatMessage } from './format-message.ts';
import { diagnose, explainByPair, holds, type SolvedEquation } from './pinpoint.ts';
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
const NO_VALUES: ReadonlyMap<string, number> = new Map();
const FORMAT_IDS: readonly string[] = ['2019', '2021'];

interface PendingEquation extends Equation, SolvedEquation {
  sum: string[];
  equals: string[];
  rule: Rule;
  order: number;
  /** `equals` then `sum`: the total first, as messages and highlights want it. */
  cells: string[];
}

interface PendingFinding extends Finding {
  rule: Rule;
  order: number;
  /** Severity already final (pinpoints combine several rules; engine notes are fixed). */
  final?: boolean;
}

/**
 * Runs every applicable rule over a report and returns its findings, most
 * severe first, then in catalogue order. Never throws on a schema-valid report
 * and runs on partly filled ones (blank cells are null, missing rows
 * undefined). Throws a `TypeError` with a clear message when `report` is not a
 * report at all (not an object, a `format` other than "2019"/"2021", or a cell
 * holding a string or NaN: input that was not parsed with `ReportSchema`).
 *
 * @example
 * import { check } from '@nianbao/schema';
 * const findings = check(report, { locale: 'en' });
 */
export function runRules(
  rules: readonly Rule[],
  report: Report,
  givenOptions: CheckOptions = {},
  /** Build the passes too (checkDetailed); `check` skips that work. */
  collectPasses = true,
): CheckResult {
  assertReport(report);
  const options: CheckOptions = givenOptions ?? {};
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const format: Format = report.format;
  const template = FORMATS[format];
  const pending: PendingFinding[] = [];
  const equations: PendingEquation[] = [];
  const passes: Pass[] = [];
  const only = options.rules ? new Set(options.rules) : undefined;
  const describe = (path: string) => describeCell(format, path, locale);
  const meta = report.meta && typeof report.meta === 'object' ? report.meta : {};
  const provenanceCells =
    options.provenance && typeof options.provenance.cells === 'object'
      ? options.provenance.cells
      : undefined;

  // Rules read the same cells many times; the report does not change during a run.
  const cellCache = readCells(report, format);
  const readCell = (path: string) => {
    const cached = cellCache.get(path);
    if (cached !== undefined || cellCache.has(path)) return cached;
    const value = getCell(report, path);
    cellCache.set(path, value);
    return value;
  };

  const ctxBase = {
    report,
    format,
    template,
    locale,
    options,
    previous: options.previous,
    provenance: options.provenance,
    agencyKind: options.agencyKind ?? meta.agencyKind,
    publishedAt: options.publishedAt ?? meta.publishedAt,
    cell: readCell,
    previousCell: (path: string) => getCell(options.previous, path),
    raw: (path: string) => provenanceCells?.[path] ?? undefined,
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
        let lhs = 0;
        let rhs = 0;
        for (const p of eq.sum) {
          const v = readCell(p);
          if (v === undefined) return; // a row is missing: the SHAPE rules say so
          lhs += v ?? 0; // blanks count as 0 (spec §6), CELL-BLANK reports them
        }
        for (const p of eq.equals) {
          const v = readCell(p);
          if (v === undefined) return;
          rhs += v ?? 0;
        }
        const cells = eq.equals.concat(eq.sum);
        // Most equations hold: keep the per-cell values only for those that fail.
        let values = NO_VALUES;
        let blanks: Set<string> | undefined;
        if (!holds({ lhs, rhs })) {
          const map = new Map<string, number>();
          for (const p of cells) {
            const v = readCell(p);
            map.set(p, v ?? 0);
            if (v === null) {
              blanks ??= new Set<string>();
              blanks.add(p);
            }
          }
          values = map;
        }
        equations.push({
          sum: eq.sum,
          equals: eq.equals,
          ...(eq.messageId !== undefined && { messageId: eq.messageId }),
          ...(eq.params !== undefined && { params: eq.params }),
          lhs,
          rhs,
          values,
          ...(blanks && { blanks }),
          rule,
          order,
          // Duplicates only matter in findings; most equations pass.
          cells,
        });
      },
      pass(note) {
        if (!collectPasses) return;
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
      // A rule bug must not hide the other rules' findings; report it as our uncertainty.
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
        final: true,
      });
    }
  });

  const severityOf = severityAdjuster(active);
  pending.push(
    ...resolveEquations(
      equations,
      (path) => readCell(path) ?? 0,
      // CELL-BLANK names every blank; only a rule about a specific blank (T3-TOTAL-BLANK) stands for an equation.
      new Set(
        pending
          .filter((f) => f.origin === 'report' && f.ruleId !== 'CELL-BLANK')
          .flatMap((f) => f.cells),
      ),
      collectPasses ? passes : undefined,
      severityOf,
      locale,
      describe,
      format,
    ),
  );

  const findings: Finding[] = oneFindingPerCell(
    pending
      .map((f) => ({
        ...f,
        severity: f.final ? f.severity : severityOf(f.rule, f.severity),
      }))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order),
    locale,
  ).map(({ rule: _rule, order: _order, final: _final, ...finding }) => finding);
  return { findings, passes };
}

/** Tags whose findings on one cell are one piece of advice (one cause, one finding). */
const ONE_PER_CELL_TAGS = ['money'];

/**
 * Merges the findings of rules tagged alike (money) that name the same cell:
 * the most severe stays, the others' words join its message, so one cell never
 * gets two pieces of advice that read as contradicting each other.
 */
function oneFindingPerCell(sorted: PendingFinding[], locale: Locale): PendingFinding[] {
  const kept = new Map<string, PendingFinding>();
  const out: PendingFinding[] = [];
  for (const f of sorted) {
    const tag = ONE_PER_CELL_TAGS.find((t) => f.rule.meta.tags.includes(t));
    const cell = f.cells[0];
    if (!tag || !cell || f.origin !== 'report') {
      out.push(f);
      continue;
    }
    const key = `${tag}:${cell}`;
    const first = kept.get(key);
    if (!first) {
      const copy = { ...f };
      kept.set(key, copy);
      out.push(copy);
      continue;
    }
    first.message += formatMessage(ENGINE_MESSAGES.alsoOnCell, locale, { message: f.message });
  }
  return out;
}

function assertReport(report: unknown): asserts report is Report {
  if (report === null || typeof report !== 'object' || Array.isArray(report)) {
    throw new TypeError(
      `check(): expected a report object (see ReportSchema), got ${report === null ? 'null' : Array.isArray(report) ? 'an array' : typeof report}`,
    );
  }
  const format = (report as { format?: unknown }).format;
  if (typeof format !== 'string' || !FORMAT_IDS.includes(format)) {
    throw new TypeError(
      `check(): report.format must be "2019" or "2021", got ${JSON.stringify(format) ?? 'undefined'}`,
    );
  }
}

/**
 * Reads every cell of the format once. A cell that holds anything but a finite
 * number or null (a string such as "5", NaN) would otherwise be skipped
 * silently by every rule: that input was not parsed with ReportSchema, so say so.
 */
function readCells(report: Report, format: Format): Map<string, number | null | undefined> {
  const cells = new Map<string, number | null | undefined>();
  const bad: string[] = [];
  for (const path of cellIndexOf(format).keys()) {
    const value = getPath(report, path);
    if (value === undefined || value === null) cells.set(path, value);
    else if (typeof value === 'number' && Number.isFinite(value)) cells.set(path, value);
    else bad.push(`${path} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
  if (bad.length > 0) {
    throw new TypeError(
      `check(): cells must be numbers or null (parse the input with ReportSchema first): ${bad.slice(0, 3).join('; ')}${bad.length > 3 ? `; and ${bad.length - 3} more` : ''}`,
    );
  }
  return cells;
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

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Turns the declared equations into findings (and passes). Failing equations
 * that single cells explain, in exactly one way, become one finding per such
 * cell with a `fix`; the others become one finding per equation, naming its
 * cells, with both sums and no fix.
 */
function resolveEquations(
  equations: PendingEquation[],
  cellValue: (path: string) => number,
  flagged: ReadonlySet<string>,
  passes: Pass[] | undefined,
  severityOf: (rule: Rule, s: Severity) => Severity,
  locale: Locale,
  describe: (path: string) => string,
  format: Format,
): PendingFinding[] {
  // One cause, one finding: an equation that no fix explains and that fails only
  // because a whole side of it is blank (the 总计 column left empty), while a rule
  // already names those blanks, is that rule's finding, not one more per row.
  const explainedByBlanks = (e: PendingEquation) => {
    const blanks = e.blanks;
    if (!blanks) return false;
    const side = [e.sum, e.equals].find(
      (cells) => cells.length > 0 && cells.every((c) => blanks.has(c)),
    );
    return side !== undefined && side.some((c) => flagged.has(c));
  };
  const failing = equations
    .filter((e) => !holds(e))
    .map((e) => ({ ...e, cells: [...new Set(e.cells)] }));
  const passing = equations.filter((e) => holds(e));
  for (const e of passes ? passing : []) {
    passes!.push({
      ruleId: e.rule.meta.id,
      message: formatMessage(ENGINE_MESSAGES.equationHolds, locale, {
        cell: describe(e.cells[0]!),
        value: round(e.lhs),
      }),
      cells: e.cells,
      params: { value: round(e.lhs) },
    });
  }
  const allowsValue = (cell: string, value: number) =>
    value >= 0 || cellInfo(format, cell)?.column.kind === 'signed';
  const { groups, explanations } = diagnose(failing, passing, allowsValue);
  const out: PendingFinding[] = [];
  const pair = pairOfTable三(
    failing,
    passing,
    groups,
    explanations,
    cellValue,
    allowsValue,
    severityOf,
    locale,
    describe,
  );

  groups.forEach((group, g) => {
    const explained = explanations[g];
    if (explained) {
      for (const ex of explained) {
        const eqs = ex.equations.map((i) => failing[i]!);
        const first = eqs.reduce((a, b) => (b.order < a.order ? b : a));
        const severity = eqs
          .map((e) => severityOf(e.rule, e.rule.meta.severity))
          .reduce((a, b) => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a));
        const others = [...new Set(eqs.flatMap((e) => e.cells))].filter((c) => c !== ex.cell);
        const ruleIds = [...new Set(eqs.map((e) => e.rule.meta.id))];
        const params = {
          cell: describe(ex.cell),
          actual: ex.actual,
          expected: ex.value,
          count: eqs.length,
          rules: ruleIds.join(locale === 'en' ? ', ' : '、'),
        };
        out.push({
          rule: first.rule,
          order: first.order,
          ruleId: first.rule.meta.id,
          // Already adjusted per rule: the final pass must not relax it again by the first rule's tags.
          severity,
          final: true,
          origin: 'report',
          message: formatMessage(
            eqs.length === 1 ? ENGINE_MESSAGES.pinpointOne : ENGINE_MESSAGES.pinpoint,
            locale,
            params,
          ),
          cells: [ex.cell, ...others],
          expected: ex.value,
          actual: ex.actual,
          fix: { cell: ex.cell, value: ex.value },
          fingerprint: fingerprintOf(first.rule.meta.id, [ex.cell], 'pinpoint'),
          params: { ...params, rules: ruleIds.join(',') },
        });
      }
      return;
    }
    if (pair?.groups.has(g)) return;
    for (const i of group) {
      const e = failing[i]!;
      if (explainedByBlanks(e)) continue;
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
  });
  if (pair) out.push(pair.finding);
  return out;
}

/**
 * Where no single cell explains table 三's failing equations but exactly one pair
 * does (a stray "1" in a row that the 总计 column did not count), one finding
 * with both fixes stands for all of them.
 */
function pairOfTable三(
  failing: PendingEquation[],
  passing: PendingEquation[],
  groups: number[][],
  explanations: ReturnType<typeof diagnose>['explanations'],
  cellValue: (path: string) => number,
  allowsValue: (cell: string, value: number) => boolean,
  severityOf: (rule: Rule, s: Severity) => Severity,
  locale: Locale,
  describe: (path: string) => string,
): { groups: Set<number>; finding: PendingFinding } | undefined {
  const inTable = (e: PendingEquation) => e.cells[0]!.startsWith('applications.');
  const open = groups
    .map((group, g) => ({ group, g }))
    .filter(({ group, g }) => !explanations[g] && group.every((i) => inTable(failing[i]!)));
  if (open.length === 0) return undefined;
  const eqs = open.flatMap(({ group }) => group.map((i) => failing[i]!));
  // Cells of equations explained by single cells keep their fixes: the pair may not move them.
  const frozen = new Set(
    groups.flatMap((group, g) => (explanations[g] ? group.flatMap((i) => failing[i]!.cells) : [])),
  );
  const found = explainByPair(eqs, passing.filter(inTable), cellValue, allowsValue, frozen);
  if (!found) return undefined;
  const [a, b] = found.cells;
  const first = eqs.reduce((x, y) => (y.order < x.order ? y : x));
  const severity = eqs
    .map((e) => severityOf(e.rule, e.rule.meta.severity))
    .reduce((x, y) => (SEVERITY_RANK[y] < SEVERITY_RANK[x] ? y : x));
  const ruleIds = [...new Set(eqs.map((e) => e.rule.meta.id))];
  const others = [...new Set(eqs.flatMap((e) => e.cells))].filter(
    (c) => c !== a.cell && c !== b.cell,
  );
  const params = {
    cellA: describe(a.cell),
    actualA: a.actual,
    expectedA: a.value,
    cellB: describe(b.cell),
    actualB: b.actual,
    expectedB: b.value,
    count: eqs.length,
    rules: ruleIds.join(locale === 'en' ? ', ' : '、'),
  };
  return {
    groups: new Set(open.map(({ g }) => g)),
    finding: {
      rule: first.rule,
      order: first.order,
      ruleId: first.rule.meta.id,
      severity,
      final: true,
      origin: 'report',
      message: formatMessage(ENGINE_MESSAGES.pinpointPair, locale, params),
      cells: [a.cell, b.cell, ...others],
      fixes: [
        { cell: a.cell, value: a.value },
        { cell: b.cell, value: b.value },
      ],
      fingerprint: fingerprintOf(first.rule.meta.id, [a.cell, b.cell], 'pinpoint-pair'),
      params: { ...params, rules: ruleIds.join(',') },
    },
  };
}
