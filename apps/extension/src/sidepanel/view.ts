/**
 * The side panel, as plain DOM built with textContent only (page text never
 * becomes markup here either). `renderPanel` redraws everything from the model;
 * the panel is small enough that this stays instant.
 */
import { findingFix } from '@nianbao/render';
import type { Format, Locale, Severity } from '@nianbao/schema';
import {
  type NumberedFinding,
  type PageReport,
  type PageState,
  SEVERITIES,
  type TableId,
} from '../shared/types.ts';
import { deadlineOf } from './deadline.ts';
import type { ExportKind } from './exports.ts';
import { type UiStrings, ui } from './i18n.ts';

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

const TABLE_ORDER: readonly TableId[] = ['activeDisclosure', 'applications', 'appeals', 'other'];

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
  root.append(tools, h('p', { class: 'source' }, state.title || state.url));

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
  if (state.durationMs !== undefined) {
    root.append(h('p', { class: 'muted' }, `${t.duration} ${state.durationMs} ms`));
  }
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
        ` ${t.severity[severity as keyof UiStrings['severity']]} ${state.counts[severity]}`,
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
  if (total > 1) section.append(h('h2', {}, `${t.report} ${index + 1} / ${total}`));
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

  const shown = page.findings.filter((f) => model.filter[f.severity]);
  if (page.findings.length === 0) {
    section.append(h('p', { class: 'ok' }, t.noFindings));
    return section;
  }
  for (const table of TABLE_ORDER) {
    const inTable = shown.filter((f) => f.table === table);
    if (!inTable.length) continue;
    const group = h(
      'section',
      { class: 'table-group', 'data-table': table },
      h('h3', {}, `${t.tables[table]} (${inTable.length})`),
    );
    const byRule = new Map<string, NumberedFinding[]>();
    for (const f of inTable) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [ruleId, findings] of byRule) {
      const details = h(
        'details',
        { open: '', class: 'rule', 'data-rule-id': ruleId },
        h('summary', {}, `${ruleId} (${findings.length})`),
      );
      const list = h('ol', {});
      for (const f of findings)
        list.append(findingItem(t, f, page.report.format, model.locale, actions));
      details.append(list);
      group.append(details);
    }
    section.append(group);
  }
  return section;
}

function findingItem(
  t: UiStrings,
  f: NumberedFinding,
  format: Format,
  locale: Locale,
  actions: PanelActions,
): HTMLElement {
  const item = h('li', {
    class: `finding sev-${f.severity}`,
    'data-finding-number': String(f.number),
    'data-rule-id': f.ruleId,
    'data-severity': f.severity,
    value: String(f.number),
  });
  const label = `#${f.number} ${t.severity[f.severity as keyof UiStrings['severity']]}`;
  const head = f.marked
    ? button(label, () => actions.reveal(f.number), { class: 'reveal' })
    : h('span', { class: 'badge' }, label);
  item.append(head, ' ', h('span', { class: 'message' }, f.message));
  if (!f.marked && f.cells.length) item.append(h('span', { class: 'muted' }, t.notOnPage));
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
