// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { defectiveReport, stateFor } from './fixture.test-util.ts';
import { type PanelActions, type PanelModel, renderPanel } from './view.ts';

function actions(): PanelActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    setLocale: vi.fn(),
    recheck: vi.fn(),
    setMarks: vi.fn(),
    reveal: vi.fn(),
    setFilter: vi.fn(),
    exportAs: vi.fn(),
    openInForm: vi.fn(),
  };
}

function model(overrides: Partial<PanelModel> = {}): PanelModel {
  return {
    state: stateFor(defectiveReport()),
    locale: 'zh-CN',
    filter: { error: true, warning: true, info: true },
    ...overrides,
  };
}

describe('side panel view', () => {
  it('lists every finding, grouped by table and rule, with the report facts', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const m = model();
    renderPanel(root, m, actions());
    const findings = m.state!.reports[0]!.findings;
    expect(root.querySelectorAll('li.finding')).toHaveLength(findings.length);
    for (const f of findings) {
      const group = root.querySelector(
        `section[data-table="${f.table}"] details[data-rule-id="${f.ruleId}"]`,
      );
      expect(group, `${f.table} / ${f.ruleId}`).not.toBeNull();
    }
    expect(root.querySelector('[data-meta="year"]')!.textContent).toBe('2020');
    expect(root.querySelector('[data-meta="deadline"]')!.getAttribute('data-status')).toBe('late');
    expect(root.querySelector('[data-meta="deadline"]')!.textContent).toContain('2021-01-31');
    // page text (here the agency name) is text, never markup
    expect(root.querySelector('[data-meta="agency"]')!.textContent).toContain('<script>');
    expect(root.querySelector('script')).toBeNull();
  });

  it('filters by severity and sends clicks to the page', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const a = actions();
    const m = model({ filter: { error: false, warning: true, info: true } });
    renderPanel(root, m, a);
    expect(root.querySelectorAll('li.finding[data-severity="error"]')).toHaveLength(0);
    const shown = m.state!.reports[0]!.findings.filter((f) => f.severity !== 'error');
    expect(root.querySelectorAll('li.finding')).toHaveLength(shown.length);

    (root.querySelector('#filter-error') as HTMLInputElement).click();
    expect(a.setFilter).toHaveBeenCalledWith('error', true);

    renderPanel(root, model(), a);
    const button = root.querySelector('li.finding button.reveal') as HTMLButtonElement;
    button.click();
    expect(a.reveal).toHaveBeenCalledWith(
      Number(button.closest('li')!.getAttribute('data-finding-number')),
    );
    (root.querySelector('[data-export="csv"]') as HTMLButtonElement).click();
    expect(a.exportAs).toHaveBeenCalledWith('csv');
    (root.querySelector('#toggle-marks') as HTMLButtonElement).click();
    expect(a.setMarks).toHaveBeenCalledWith(false);
    (root.querySelector('button.open-form') as HTMLButtonElement).click();
    expect(a.openInForm).toHaveBeenCalledWith(0);
  });

  it('switches language', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const a = actions();
    renderPanel(root, model({ locale: 'en', state: stateFor(defectiveReport(), 'en') }), a);
    expect(root.querySelector('h1')!.textContent).toBe('nianbao report check');
    const select = root.querySelector('#language') as HTMLSelectElement;
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change'));
    expect(a.setLocale).toHaveBeenCalledWith('zh-CN');
  });

  it('says when the page holds no report or the check failed', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const base = model().state!;
    renderPanel(root, model({ state: { ...base, state: 'no-report', reports: [] } }), actions());
    expect(root.getAttribute('data-panel-state')).toBe('no-report');
    expect(root.textContent).toContain('本页未找到可读的年度报告');
    renderPanel(
      root,
      model({ state: { ...base, state: 'error', reports: [], error: '<b>boom</b>' } }),
      actions(),
    );
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>boom</b>');
    renderPanel(root, model({ state: undefined }), actions());
    expect(root.getAttribute('data-panel-state')).toBe('idle');
  });
});
