import { type Finding, summarize } from '@nianbao/schema';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';

/**
 * Whether the report can be uploaded, said plainly: only errors of the report
 * block it; warnings and infos are advice; reading notes (origin "extraction")
 * are counted apart and never block it (the same counts as every surface, by
 * `summarize`). Neutral on a blank report nobody has filled in yet.
 */
export function ReadyBanner({
  findings,
  neutral = false,
}: {
  findings: readonly Finding[];
  /** A new blank report, nothing typed or imported yet: no verdict. */
  neutral?: boolean;
}) {
  const { t } = useUi();
  if (neutral) {
    return (
      <p className="ready ready-neutral" data-ready="neutral" role="status">
        {t.readyNeutral}
      </p>
    );
  }
  const summary = summarize(findings);
  // The form's own fallback when check() threw: nothing was checked, so nothing is "ready".
  const failed = findings.some((f) => f.ruleId === 'CHECK-FAILED');
  const ready = summary.errors === 0 && !failed;
  const text = failed
    ? t.readyCheckFailed
    : !ready
      ? fill(t.readyNo, { errors: summary.errors })
      : summary.warnings > 0
        ? fill(t.readyYesWithWarnings, { warnings: summary.warnings })
        : t.readyYes;
  const details = [
    !ready && !failed ? t.readyBlocking : '',
    summary.warnings + summary.infos > 0
      ? fill(t.readyAdvice, { warnings: summary.warnings, infos: summary.infos })
      : '',
    summary.notes > 0 ? fill(t.readyNotes, { notes: summary.notes }) : '',
  ].filter(Boolean);
  return (
    <div
      className={`ready ${ready ? 'ready-yes' : 'ready-no'}`}
      data-ready={ready}
      data-errors={summary.errors}
      data-warnings={summary.warnings}
      data-infos={summary.infos}
      data-notes={summary.notes}
      role="status"
    >
      <p className="ready-verdict">
        <span aria-hidden="true">{ready ? '✔ ' : '✖ '}</span>
        {text}
      </p>
      {details.length > 0 && (
        <ul className="ready-details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
