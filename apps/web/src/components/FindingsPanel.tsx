import { cellInfo, describeCell, type Finding, type Format, type Severity } from '@nianbao/schema';
import { memo } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill, type Strings } from '../i18n/strings.ts';
import { SEVERITY_ICON, uniqueKeys } from './flags.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const GROUPS = [
  'activeDisclosure',
  'applications',
  'appeals',
  'sections',
  'meta',
  'report',
] as const;
type Group = (typeof GROUPS)[number];

/** Which part of the form a finding belongs to, by its primary path. */
export function groupOf(format: Format, finding: Finding): Group {
  const path = finding.cells[0];
  if (!path) return 'report';
  const info = cellInfo(format, path);
  if (info) return info.table;
  const head = path.split('.')[0]!;
  if (head === 'activeDisclosure' || head === 'applications' || head === 'appeals') return head;
  if (head === 'sections' || head === 'preamble') return 'sections';
  if (head === 'meta') return 'meta';
  return 'report';
}

function groupName(group: Group, format: Format, locale: 'zh-CN' | 'en', t: Strings): string {
  if (group === 'sections') return t.groupSections;
  if (group === 'meta') return t.groupMeta;
  if (group === 'report') return t.groupReport;
  return describeCell(format, group, locale);
}

export function severityName(severity: Severity, t: Strings): string {
  return severity === 'error'
    ? t.severityError
    : severity === 'warning'
      ? t.severityWarning
      : t.severityInfo;
}

/**
 * While a finding is hovered or focused in the panel, every cell it involves is
 * outlined in the tables (set on the DOM directly: no re-render of the tables).
 */
function showRelated(cells: readonly string[] | undefined): void {
  for (const el of document.querySelectorAll('.cell.related')) el.classList.remove('related');
  for (const path of cells ?? []) {
    document
      .querySelector(`[data-cell="${CSS.escape(path)}"]`)
      ?.parentElement?.classList.add('related');
  }
}

export interface FindingsPanelProps {
  format: Format;
  findings: readonly Finding[];
  onGoTo(path: string): void;
  onFix(cell: string, value: number): void;
}

/**
 * Every finding of `check()`, grouped by table and severity. Clicking one
 * focuses its cell; a finding with a `fix` offers "改为 N".
 */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { format, findings, onGoTo, onFix } = props;
  const { locale, t } = useUi();
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  return (
    <section className="findings" aria-labelledby="findings-title" id="findings">
      <h2 id="findings-title">{t.findingsTitle}</h2>
      <p className="findings-count">
        {fill(t.findingsCount, {
          errors: counts.error,
          warnings: counts.warning,
          infos: counts.info,
        })}
      </p>
      {findings.length === 0 && <p>{t.findingsNone}</p>}
      {GROUPS.map((group) => {
        const inGroup = findings.filter((f) => groupOf(format, f) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} className="finding-group" data-group={group}>
            <h3>{groupName(group, format, locale, t)}</h3>
            {SEVERITIES.map((severity) => {
              const list = inGroup.filter((f) => f.severity === severity);
              if (list.length === 0) return null;
              const keys = uniqueKeys(list, (f) => f.fingerprint);
              return (
                <div key={severity} className={`severity-group flag-${severity}`}>
                  <h4>
                    <span aria-hidden="true">{SEVERITY_ICON[severity]} </span>
                    {severityName(severity, t)} ({list.length})
                  </h4>
                  <ul>
                    {list.map((f, i) => (
                      <li
                        key={keys[i]}
                        data-finding={f.fingerprint}
                        data-rule={f.ruleId}
                        data-severity={f.severity}
                        data-origin={f.origin}
                        onMouseEnter={() => showRelated(f.cells)}
                        onMouseLeave={() => showRelated(undefined)}
                        onFocus={() => showRelated(f.cells)}
                        onBlur={() => showRelated(undefined)}
                      >
                        <button
                          type="button"
                          className="finding-go"
                          disabled={!f.cells[0]}
                          onClick={() => f.cells[0] && onGoTo(f.cells[0])}
                        >
                          <span className="visually-hidden">{severityName(severity, t)}: </span>
                          {f.message}
                        </button>
                        <code className="rule-id">{f.ruleId}</code>
                        {f.fix && (
                          <button
                            type="button"
                            className="fix"
                            data-fix={f.fix.cell}
                            aria-label={fill(t.fixToLabel, {
                              cell: describeCell(format, f.fix.cell, locale),
                              value: f.fix.value,
                            })}
                            onClick={() => f.fix && onFix(f.fix.cell, f.fix.value)}
                          >
                            {fill(t.fixTo, { value: f.fix.value })}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </section>
  );
});
