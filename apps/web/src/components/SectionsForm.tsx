import { CHINESE_ORDINALS, SECTIONS, type Section } from '@nianbao/schema';
import { type Dispatch, memo } from 'react';
import { pick, useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import type { FormAction } from '../state/form.ts';
import { Field } from './Field.tsx';
import type { FieldFlag } from './flags.ts';

export interface SectionsFormProps {
  preamble: string | undefined;
  sections: Section[];
  flags: Map<string, FieldFlag>;
  dispatch: Dispatch<FormAction>;
}

/** The official section number (1…6) of a section entry, from its ordinal. */
function numberOf(section: Section): number | undefined {
  const i = section.ordinal ? CHINESE_ORDINALS.indexOf(section.ordinal) : -1;
  return i >= 0 && i < SECTIONS.length ? i + 1 : undefined;
}

/**
 * The six sections as found (strays and duplicates included, so that the
 * structure rules see what the reader will see), each as a heading and a text
 * area; a stray heading can be merged into the part before it, and a missing
 * section added.
 */
export const SectionsForm = memo(function SectionsForm(props: SectionsFormProps) {
  const { preamble, sections, flags, dispatch } = props;
  const { locale, t } = useUi();
  const present = new Set(sections.map(numberOf));
  // Findings name a section by its official number: the first entry with that number shows them.
  const firstWith = new Map<number, number>();
  sections.forEach((s, i) => {
    const n = numberOf(s);
    if (n !== undefined && !firstWith.has(n)) firstWith.set(n, i);
  });
  return (
    <section className="sections" aria-labelledby="sections-title">
      <h2 id="sections-title">{t.sectionsTitle}</h2>
      <Field id="preamble" label={t.preambleLabel} flag={flags.get('preamble')}>
        {(describedBy, invalid) => (
          <textarea
            id="preamble"
            data-section="preamble"
            rows={3}
            value={preamble ?? ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => dispatch({ type: 'preamble', value: e.target.value })}
          />
        )}
      </Field>
      {sections.map((section, index) => {
        const n = numberOf(section);
        const flag =
          n !== undefined && firstWith.get(n) === index ? flags.get(`sections.${n}`) : undefined;
        const id = `section-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place; their order is their identity
          <fieldset key={index} className="section" data-section-index={index}>
            <legend>
              <input
                id={`${id}-heading`}
                className="section-heading"
                aria-label={`${t.sectionHeading} ${index + 1}`}
                value={section.heading}
                onChange={(e) => dispatch({ type: 'section', index, heading: e.target.value })}
              />
            </legend>
            <Field id={id} label={t.sectionText} flag={flag}>
              {(describedBy, invalid) => (
                <textarea
                  id={id}
                  data-section={n ?? ''}
                  rows={5}
                  value={section.text}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => dispatch({ type: 'section', index, text: e.target.value })}
                />
              )}
            </Field>
            {index > 0 && (
              <button
                type="button"
                title={t.mergeSectionHint}
                onClick={() => dispatch({ type: 'section-merge', index })}
              >
                {t.mergeSection}
              </button>
            )}
          </fieldset>
        );
      })}
      <p className="section-add">
        {SECTIONS.filter((s) => !present.has(s.number)).map((s) => (
          <button
            key={s.number}
            type="button"
            onClick={() => dispatch({ type: 'section-add', number: s.number })}
          >
            {fill(t.addSection, { heading: pick(s.heading, locale) })}
          </button>
        ))}
      </p>
    </section>
  );
});
