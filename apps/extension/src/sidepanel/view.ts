/**
 * The side panel, as plain DOM built with textContent only (page text never
 * becomes markup here either). `renderPanel` redraws everything from the model;
 * the panel is small enough that this stays instant.
 */
import { findingFix } from '@nianbao/render';
import { type Format, isReadingNote, type Locale, type Severity } from '@nianbao/schema';
import { ruleName } from '../shared/rule-names.ts';
import {
  type NumberedFinding,
  type PageReport,
  type PageState,
  SEVERITIES,
} from '../shared/types.ts';
import { deadlineOf } from './deadline.ts';
import type { ExportKind } from './exports.ts';
import { countLabel, type UiStrings, ui } from './i18n.ts';

export interface PanelModel {
  state: PageState | undefined;
  locale: Locale;
  filter: Record<Severity, boolean>;
}

export interface PanelActions {
  setLocale(locale: Locale): void;
  recheck(): void;
  setMarks(on: boolean): void;
  reveal(number: number): void;
  setFilter(severity: Severity, on: boolean): void;
  exportAs(kind: ExportKind): void;
  openInForm(reportIndex: number): void;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingList {
  /** The report's own findings, by severity, then page position. */
  findings: NumberedFinding[];
  /** Reading notes (origin "extraction"), in the same order: shown apart, never errors. */
  notes: NumberedFinding[];
  /** Per listed finding (its number), the findings it stands for that are not listed again. */
  also: Map<number, NumberedFinding[]>;
}

const rowOf = (path: string) => path.slice(0, path.lastIndexOf('.'));

/**
 * What the panel lists, and in which order. One cause, one line: a reading note
 * saying a row was not found (EXTRACT-ROW-MISSING) is not listed again beside the
 * table's shape finding (T2-B-SHAPE, T3-*-SHAPE…) that names the same row.
 */
export function listFindings(all: readonly NumberedFinding[]): FindingList {
  const ordered = [...all].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
      a.number - b.number,
  );
  const findings = ordered.filter((f) => !isReadingNote(f));
  const also = new Map<number, NumberedFinding[]>();
  const notes = ordered.filter((note) => {
    if (!isReadingNote(note) || note.ruleId !== 'EXTRACT-ROW-MISSING' || !note.cells.length)
      return isReadingNote(note);
    const shape = findings.find((f) => {
      if (!f.ruleId.endsWith('-SHAPE')) return false;
      const rows = new Set([...f.cells, ...f.cells.map(rowOf)]);
      return note.cells.every((c) => rows.has(c) || rows.has(rowOf(c)));
    });
    if (!shape) return true;
    also.set(shape.number, [...(also.get(shape.number) ?? []), note]);
    return false;
  });
  return { findings, notes, also };
}

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function button(
  label: string,
  onClick: () => void,
  props: Record<string, string> = {},
): HTMLButtonElement {
  const b = h('button', { type: 'button', ...props }, label);
  b.addEventListener('click', onClick);
  return b;
}

export function renderPanel(root: HTMLElement, model: PanelModel, actions: PanelActions): void {
  const t = ui(model.locale);
  const state = model.state;
  root.replaceChildren();
  root.setAttribute('data-panel-state', state?.state ?? 'idle');
  document.documentElement.lang = model.locale === 'en' ? 'en' : 'zh-CN';

  const language = h('select', { 'aria-label': t.language, id: 'language' });
  for (const [value, label] of [
    ['zh-CN', '中文'],
    ['en', 'English'],
  ] as const) {
    const option = h('option', { value }, label);
    option.selected = value === model.locale;
    language.append(option);
  }
  language.addEventListener('change', () =>
    actions.setLocale(language.value === 'en' ? 'en' : 'zh-CN'),
  );

  root.append(h('header', {}, h('h1', {}, t.title), h('label', {}, `${t.language} `, language)));

  if (!state) {
    root.append(h('p', { class: 'status' }, t.idle));
    return;
  }

  const tools = h('div', { class: 'tools' }, button(t.recheck, actions.recheck, { id: 'recheck' }));
  if (state.state === 'done' || state.state === 'no-report') {
    tools.append(
      state.marksOn
        ? button(t.hideMarks, () => actions.setMarks(false), {
            id: 'toggle-marks',
            'data-on': 'true',
          })
        : button(t.showMarks, () => actions.setMarks(true), {
            id: 'toggle-marks',
            'data-on': 'false',
          }),
    );
  }
  root.append(tools, h('p', { class: 'source', title: state.url }, state.url));

  if (state.state === 'checking') {
    root.append(h('p', { class: 'status' }, t.checking));
    return;
  }
  if (state.state === 'error') {
    root.append(h('p', { class: 'status error' }, `${t.failed}${state.error ?? ''}`));
    return;
  }
  if (state.state === 'no-report') {
    root.append(h('p', { class: 'status' }, t.noReport));
    const list = h('ul', { class: 'diagnostics' });
    for (const d of state.diagnostics)
      list.append(h('li', { 'data-rule-id': d.ruleId }, `${d.ruleId}: ${d.message}`));
    root.append(list);
    root.append(exportsBar(t, actions));
    return;
  }

  root.append(filterBar(t, state, model, actions));
  state.reports.forEach((report, index) => {
    root.append(reportSection(t, model, report, index, state.reports.length, actions));
  });
  root.append(exportsBar(t, actions));
}

function filterBar(
  t: UiStrings,
  state: PageState,
  model: PanelModel,
  actions: PanelActions,
): HTMLElement {
  const bar = h('fieldset', { class: 'filter' }, h('legend', {}, t.filter));
  for (const severity of SEVERITIES) {
    const box = h('input', {
      type: 'checkbox',
      id: `filter-${severity}`,
      'data-severity': severity,
    });
    box.checked = model.filter[severity];
    box.addEventListener('change', () => actions.setFilter(severity, box.checked));
    bar.append(
      h(
        'label',
        { class: `sev-${severity}` },
        box,
        ` ${countLabel(model.locale, severity, state.counts[severity])}`,
      ),
    );
  }
  if (state.counts.notes) {
    bar.append(
      h(
        'span',
        { class: 'notes-count', title: t.notesHint },
        countLabel(model.locale, 'notes', state.counts.notes),
      ),
    );
  }
  return bar;
}

function reportSection(
  t: UiStrings,
  model: PanelModel,
  page: PageReport,
  index: number,
  total: number,
  actions: PanelActions,
): HTMLElement {
  const meta = page.report.meta ?? {};
  const deadline = deadlineOf(page.report);
  const deadlineText = deadline.deadline
    ? `${deadline.deadline}${deadline.statutory ? '' : t.localDeadline} · ${t.deadlineStatus[deadline.status]}`
    : t.deadlineStatus[deadline.status];
  const section = h('section', { class: 'report', 'data-report-index': String(index) });
  const title = meta.title?.trim();
  section.append(
    h(
      'h2',
      { class: 'report-title', 'data-meta': 'title' },
      total > 1 ? `${t.report} ${index + 1} / ${total} · ` : '',
      title || t.untitled,
    ),
  );
  section.append(
    h(
      'dl',
      { class: 'meta' },
      h('dt', {}, t.format),
      h(
        'dd',
        { 'data-meta': 'format' },
        page.report.format === '2021' ? t.format2021 : t.format2019,
      ),
      h('dt', {}, t.year),
      h('dd', { 'data-meta': 'year' }, meta.reportYear ? String(meta.reportYear) : t.unknown),
      h('dt', {}, t.agency),
      h('dd', { 'data-meta': 'agency' }, meta.agencyName ?? t.unknown),
      h('dt', {}, t.published),
      h('dd', { 'data-meta': 'published' }, meta.publishedAt ?? t.unknown),
      h('dt', {}, t.deadline),
      h('dd', { 'data-meta': 'deadline', 'data-status': deadline.status }, deadlineText),
    ),
    button(t.openInForm, () => actions.openInForm(index), {
      class: 'open-form',
      'data-report-index': String(index),
    }),
  );

  const list = listFindings(page.findings);
  const item = (f: NumberedFinding) =>
    findingItem(t, f, page.report.format, model.locale, actions, list.also.get(f.number));
  if (list.findings.length === 0) section.append(h('p', { class: 'ok' }, t.noFindings));
  for (const severity of SEVERITIES) {
    const all = list.findings.filter((f) => f.severity === severity);
    if (!all.length || !model.filter[severity]) continue;
    section.append(
      h(
        'section',
        { class: `severity-group sev-${severity}`, 'data-severity': severity },
        h('h3', {}, countLabel(model.locale, severity, all.length)),
        h('ol', {}, ...all.map(item)),
      ),
    );
  }
  const notes = list.notes.filter((f) => model.filter[f.severity]);
  if (notes.length) {
    section.append(
      h(
        'section',
        { class: 'notes', 'data-origin': 'extraction' },
        h('h3', { title: t.notesHint }, countLabel(model.locale, 'notes', list.notes.length)),
        h('ol', {}, ...notes.map(item)),
      ),
    );
  }
  return section;
}

function findingItem(
  t: UiStrings,
  f: NumberedFinding,
  format: Format,
  locale: Locale,
  actions: PanelActions,
  also: NumberedFinding[] = [],
): HTMLElement {
  const item = h('li', {
    class: `finding sev-${f.severity}${isReadingNote(f) ? ' note' : ''}`,
    'data-finding-number': String(f.number),
    'data-rule-id': f.ruleId,
    'data-severity': f.severity,
    'data-origin': f.origin,
    ...(also.length ? { 'data-also': also.map((a) => a.ruleId).join(' ') } : {}),
    value: String(f.number),
  });
  const label = `#${f.number} ${t.severity[f.severity as keyof UiStrings['severity']]}`;
  const head = f.marked
    ? button(label, () => actions.reveal(f.number), { class: 'reveal' })
    : h('span', { class: 'badge' }, label);
  const ids = [f.ruleId, ...also.map((a) => a.ruleId)].join(' · ');
  const name = ruleName(f.ruleId, locale);
  item.append(
    head,
    ' ',
    h('span', { class: 'rule', title: ids }, name ?? f.ruleId),
    h('div', { class: 'message' }, f.message),
  );
  if (f.fix) item.append(h('div', { class: 'fix' }, findingFix(format, f, locale)));
  return item;
}

function exportsBar(t: UiStrings, actions: PanelActions): HTMLElement {
  return h(
    'div',
    { class: 'exports' },
    h('span', {}, `${t.export}: `),
    button('JSON', () => actions.exportAs('json'), { 'data-export': 'json' }),
    button('CSV', () => actions.exportAs('csv'), { 'data-export': 'csv' }),
    button('HTML', () => actions.exportAs('html'), { 'data-export': 'html' }),
  );
}
