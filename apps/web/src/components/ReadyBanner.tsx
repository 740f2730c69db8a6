import type { Finding } from '@nianbao/schema';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';

/** "Ready to upload" is on only when no error-severity finding remains. */
export function ReadyBanner({ findings }: { findings: readonly Finding[] }) {
  const { t } = useUi();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const ready = errors === 0;
  const text = !ready
    ? fill(t.readyNo, { errors })
    : warnings > 0
      ? fill(t.readyYesWithWarnings, { warnings })
      : t.readyYes;
  return (
    <p className={`ready ${ready ? 'ready-yes' : 'ready-no'}`} data-ready={ready} role="status">
      <span aria-hidden="true">{ready ? '✔ ' : '✖ '}</span>
      {text}
    </p>
  );
}
