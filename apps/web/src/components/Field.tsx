import type { ReactNode } from 'react';
import { type FieldFlag, SEVERITY_ICON } from './flags.ts';

/** A labelled form field that shows its findings like a table cell does. */
export function Field({
  id,
  label,
  flag,
  children,
}: {
  id: string;
  label: string;
  flag: FieldFlag | undefined;
  children: (describedBy: string | undefined, invalid: boolean | undefined) => ReactNode;
}) {
  const tip = flag ? `${id}-tip` : undefined;
  const invalid = flag && flag.severity !== 'info' ? true : undefined;
  return (
    <div className={`field${flag ? ` flagged flag-${flag.severity}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {flag && (
          <span className="cell-icon" aria-hidden="true">
            {' '}
            {SEVERITY_ICON[flag.severity]}
          </span>
        )}
      </label>
      {children(tip, invalid)}
      {flag && (
        <span className="field-message" id={tip}>
          {flag.message}
        </span>
      )}
    </div>
  );
}
