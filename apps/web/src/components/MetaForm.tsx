import {
  type AgencyKind,
  describeCell,
  FORMATS,
  type Format,
  formatForYear,
} from '@nianbao/schema';
import { type Dispatch, memo, useState } from 'react';
import { pick, useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import type { FormAction } from '../state/form.ts';
import { Field } from './Field.tsx';
import type { FieldFlag } from './flags.ts';

const KINDS: AgencyKind[] = ['dept', 'gov', 'township', 'other'];

export interface MetaFormProps {
  meta: {
    title?: string | undefined;
    agencyName?: string | undefined;
    agencyKind?: AgencyKind | undefined;
    reportYear?: number | undefined;
    publishedAt?: string | undefined;
  };
  format: Format;
  formatPinned: boolean;
  flags: Map<string, FieldFlag>;
  dispatch: Dispatch<FormAction>;
}

function formatName(format: Format, locale: 'zh-CN' | 'en'): string {
  const { years, notice } = FORMATS[format];
  const span =
    locale === 'en'
      ? `report years ${years.from}${years.to ? `–${years.to}` : ' on'}`
      : `${years.from}${years.to ? `–${years.to}年度` : '年度起'}`;
  return `${span}${locale === 'en' ? ': ' : '：'}${pick(notice, locale)}`;
}

/** The year as typed: a half-typed year ("20") stays in the field and changes nothing yet. */
function YearInput(props: {
  year: number | undefined;
  describedBy: string | undefined;
  invalid: boolean | undefined;
  onYear(year: number | undefined): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (props.year === undefined ? '' : String(props.year));
  return (
    <input
      id="meta-reportYear"
      data-meta="reportYear"
      inputMode="numeric"
      autoComplete="off"
      value={shown}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      onChange={(e) => {
        const value = e.target.value;
        setText(value);
        const digits = value.normalize('NFKC').trim();
        if (digits === '') props.onYear(undefined);
        else if (/^\d{4}$/.test(digits)) props.onYear(Number(digits));
      }}
      onBlur={() => setText(null)}
    />
  );
}

/** Agency, kind, year, format (following the year unless overridden) and publication date. */
export const MetaForm = memo(function MetaForm(props: MetaFormProps) {
  const { meta, format, formatPinned, flags, dispatch } = props;
  const { locale, t } = useUi();
  const name = (path: string) => describeCell(format, path, locale);
  const kindLabel: Record<AgencyKind, string> = {
    dept: t.kindDept,
    gov: t.kindGov,
    township: t.kindTownship,
    other: t.kindOther,
  };
  const year = meta.reportYear;
  const expected = year !== undefined ? formatForYear(year) : undefined;
  const mismatch = expected !== undefined && expected !== format;
  return (
    <section className="meta" aria-labelledby="meta-title">
      <h2 id="meta-title">{t.metaTitle}</h2>
      <div className="meta-grid">
        <Field
          id="meta-agencyName"
          label={name('meta.agencyName')}
          flag={flags.get('meta.agencyName')}
        >
          {(describedBy, invalid) => (
            <input
              id="meta-agencyName"
              data-meta="agencyName"
              value={meta.agencyName ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => dispatch({ type: 'meta', key: 'agencyName', value: e.target.value })}
            />
          )}
        </Field>
        <Field
          id="meta-agencyKind"
          label={name('meta.agencyKind')}
          flag={flags.get('meta.agencyKind')}
        >
          {(describedBy, invalid) => (
            <select
              id="meta-agencyKind"
              data-meta="agencyKind"
              value={meta.agencyKind ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) =>
                dispatch({
                  type: 'agencyKind',
                  value: (e.target.value || undefined) as AgencyKind | undefined,
                })
              }
            >
              <option value="">{t.agencyKindNone}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="meta-reportYear"
          label={name('meta.reportYear')}
          flag={flags.get('meta.reportYear')}
        >
          {(describedBy, invalid) => (
            <YearInput
              year={year}
              describedBy={describedBy}
              invalid={invalid}
              onYear={(value) => dispatch({ type: 'year', value })}
            />
          )}
        </Field>
        <Field id="meta-format" label={t.formatLabel} flag={undefined}>
          {() => (
            <select
              id="meta-format"
              data-meta="format"
              value={format}
              aria-describedby={mismatch ? 'meta-format-warning' : undefined}
              onChange={(e) => dispatch({ type: 'format', value: e.target.value as Format })}
            >
              {(['2019', '2021'] as const).map((f) => (
                <option key={f} value={f}>
                  {formatName(f, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="meta-publishedAt"
          label={name('meta.publishedAt')}
          flag={flags.get('meta.publishedAt')}
        >
          {(describedBy, invalid) => (
            <input
              id="meta-publishedAt"
              data-meta="publishedAt"
              type="date"
              value={meta.publishedAt ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) =>
                dispatch({ type: 'meta', key: 'publishedAt', value: e.target.value })
              }
            />
          )}
        </Field>
        <Field id="meta-title" label={name('meta.title')} flag={flags.get('meta.title')}>
          {(describedBy, invalid) => (
            <input
              id="meta-title"
              data-meta="title"
              className="wide"
              value={meta.title ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => dispatch({ type: 'meta', key: 'title', value: e.target.value })}
            />
          )}
        </Field>
      </div>
      {mismatch && expected && (
        <p className="format-warning" id="meta-format-warning" role="alert">
          <span aria-hidden="true">▲ </span>
          {fill(t.formatMismatch, {
            year: year ?? '',
            expected: formatName(expected, locale),
            actual: formatName(format, locale),
          })}{' '}
          <button type="button" onClick={() => dispatch({ type: 'format', value: expected })}>
            {fill(t.formatResetToYear, { expected })}
          </button>
        </p>
      )}
      {!formatPinned && <p className="hint">{t.formatFollowsYear}</p>}
    </section>
  );
});
