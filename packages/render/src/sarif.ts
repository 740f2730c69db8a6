import type { Finding, Locale, RuleMeta, Severity } from '@nianbao/schema';
import { findingCell, findingFix } from './describe.ts';
import type { Batch, CheckedReport } from './types.ts';

/**
 * Base URL of the rule catalogue page in the repository. SARIF wants an absolute
 * `helpUri`; this host is a placeholder until the project has a public home —
 * change it here (or pass `helpBaseUrl`) and every rule's link follows.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md';

/** The help URI of a rule: its section in docs/rules.md (GitHub heading anchors are lower-case). */
export function ruleHelpUri(ruleId: string, base = RULE_DOCS_BASE_URL): string {
  return `${base}#${ruleId.toLowerCase()}`;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  /** The rule catalogue (`ruleCatalogue()` of @nianbao/schema). */
  catalogue: readonly RuleMeta[];
  toolVersion: string;
  locale?: Locale;
  helpBaseUrl?: string;
}

/** Artifact URI of a source: URLs as they are; paths as relative URI references. */
function artifactUri(source: string): string {
  if (/^https?:\/\//i.test(source)) return source;
  const path = source.replace(/\\/g, '/');
  // Paths outside the working directory are absolute: give them as file URIs.
  return path.startsWith('/') ? `file://${encodeURI(path)}` : encodeURI(path);
}

function ruleDescriptor(meta: RuleMeta, locale: Locale, base: string) {
  const docs = locale === 'en' ? meta.docs.en : meta.docs.zh;
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: docs },
    fullDescription: { text: `${meta.docs.zh}\n${meta.docs.en}` },
    help: {
      text: `${meta.docs.zh}\n${meta.docs.en}\n依据 / basis: ${meta.basis}`,
      markdown: `**${meta.id}**\n\n${meta.docs.zh}\n\n${meta.docs.en}\n\n依据 / basis: ${meta.basis}`,
    },
    helpUri: ruleHelpUri(meta.id, base),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: meta.tags,
      formats: meta.formats,
      ...(meta.inferred ? { inferred: true } : {}),
    },
  };
}

/**
 * SARIF 2.1.0 log of a batch. The rule catalogue is the tool's rules (help text and
 * help URI each); every finding is a result located in its file (with the line when
 * the extractor recorded one) and, logically, by its cell path. Suppressed findings
 * are results with an external suppression and its justification; inputs that could
 * not be read are tool execution notifications.
 */
export function renderSarif(batch: Batch, options: SarifOptions): string {
  const locale = options.locale ?? 'zh-CN';
  const base = options.helpBaseUrl ?? RULE_DOCS_BASE_URL;
  const rules = options.catalogue.map((m) => ruleDescriptor(m, locale, base));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Extraction diagnostics may use ids outside the catalogue: describe them too.
  const ensureRule = (f: Finding) => {
    if (ruleIndex.has(f.ruleId)) return ruleIndex.get(f.ruleId)!;
    rules.push({
      id: f.ruleId,
      name: f.ruleId,
      shortDescription: { text: f.ruleId },
      fullDescription: { text: f.ruleId },
      help: { text: f.ruleId, markdown: f.ruleId },
      helpUri: ruleHelpUri(f.ruleId, base),
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { tags: [f.origin], formats: [] },
    });
    ruleIndex.set(f.ruleId, rules.length - 1);
    return rules.length - 1;
  };

  const artifacts: { location: { uri: string } }[] = [];
  const results: unknown[] = [];
  const notifications: unknown[] = [];

  batch.results.forEach((r: CheckedReport) => {
    const artifactIndex = artifacts.push({ location: { uri: artifactUri(r.source) } }) - 1;
    if (r.error) {
      notifications.push({
        level: 'error',
        message: { text: `${r.source}: ${r.error.message}` },
        descriptor: { id: r.error.code },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r.source), index: artifactIndex },
            },
          },
        ],
      });
      return;
    }
    const emit = (f: Finding, suppressedReason?: string) => {
      const cell = findingCell(r.format, f, locale);
      const fix = findingFix(r.format, f, locale);
      const line = f.cells
        .map((p) => r.provenance?.cells[p]?.location?.line)
        .find((l): l is number => typeof l === 'number' && l >= 1);
      const text = [cell ? `${cell}: ${f.message}` : f.message, fix].filter(Boolean).join(' — ');
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ensureRule(f),
        level: LEVEL[f.severity],
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r.source), index: artifactIndex },
              ...(line ? { region: { startLine: line } } : {}),
            },
            logicalLocations: f.cells.map((p) => ({
              fullyQualifiedName: p,
              kind: 'element',
            })),
          },
        ],
        partialFingerprints: { 'nianbao/v1': f.fingerprint },
        ...(suppressedReason !== undefined
          ? { suppressions: [{ kind: 'external', justification: suppressedReason }] }
          : {}),
        properties: {
          origin: f.origin,
          cells: f.cells,
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(f.fix ? { fix: f.fix } : {}),
          ...(f.fixes ? { fixes: f.fixes } : {}),
          ...(r.agencyName ? { agencyName: r.agencyName } : {}),
          ...(r.reportYear != null ? { reportYear: r.reportYear } : {}),
        },
      });
    };
    for (const f of [...r.findings, ...r.diagnostics]) emit(f);
    for (const f of r.suppressed) emit(f, f.suppressedReason);
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            informationUri: base,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: batch.summary.exitCode !== 2,
            toolExecutionNotifications: notifications,
          },
        ],
        artifacts,
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
