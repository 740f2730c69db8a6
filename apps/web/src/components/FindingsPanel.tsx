import {
  cellInfo,
  describeCell,
  type Finding,
  type Format,
  isReadingNote,
  type Severity,
  summarize,
} from '@nianbao/schema';
import { memo } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill, type Strings } from '../i18n/strings.ts';
import { SEVERITY_ICON, uniqueKeys } from './flags.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** The panel's kinds: the report's findings by severity, then the reading notes apart. */
type Kind = Severity | 'note';
const KINDS: Kind[] = [...SEVERITIES, 'note'];

function kindOf(f: Finding): Kind {
  return isReadingNote(f) ? 'note' : f.severity;
}
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
  /** A new blank report, nothing typed or imported yet: says so above what a blank report lacks. */
  neutral?: boolean;
}

/** What a kind of finding means for the upload, said beside its heading. */
function kindHint(kind: Kind, t: Strings): string {
  return kind === 'error' ? t.blocksUpload : kind === 'note' ? t.readingNotesHint : t.advice;
}

/**
 * Every finding of `check()`, grouped by table and severity. Clicking one
 * focuses its cell; a finding with a `fix` offers "改为 N".
 */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { format, findings, onGoTo, onFix, neutral = false } = props;
  const { locale, t } = useUi();
  const counts = summarize(findings);
  return (
    <section className="findings" aria-labelledby="findings-title" id="findings">
      <h2 id="findings-title">{t.findingsTitle}</h2>
      <p className="findings-count">
        {fill(t.findingsCount, {
          errors: counts.errors,
          warnings: counts.warnings,
          infos: counts.infos,
        })}
        {counts.notes > 0 && fill(t.findingsNotesCount, { notes: counts.notes })}
      </p>
      {neutral && <p className="findings-neutral">{t.findingsNeutral}</p>}
      {findings.length === 0 && <p>{t.findingsNone}</p>}
      {GROUPS.map((group) => {
        const inGroup = findings.filter((f) => groupOf(format, f) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} className="finding-group" data-group={group}>
            <h3>{groupName(group, format, locale, t)}</h3>
            {KINDS.map((kind) => {
              const list = inGroup.filter((f) => kindOf(f) === kind);
              if (list.length === 0) return null;
              const keys = uniqueKeys(list, (f) => f.fingerprint);
              const severity: Severity = kind === 'note' ? 'info' : kind;
              const name = kind === 'note' ? t.readingNotes : severityName(kind, t);
              return (
                <div
                  key={kind}
                  className={`severity-group flag-${severity}`}
                  data-kind={kind}
                  data-blocks-upload={kind === 'error' ? 'true' : 'false'}
                >
                  <h4>
                    <span aria-hidden="true">{SEVERITY_ICON[severity]} </span>
                    {name} ({list.length})
                    <span className="severity-note"> {kindHint(kind, t)}</span>
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
                          <span className="visually-hidden">{name}: </span>
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
