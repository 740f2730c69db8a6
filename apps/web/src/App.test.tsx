import { encodeHandOver } from '@nianbao/extract/door';
import {
  blankReport,
  cellPaths,
  check,
  FORMATS,
  getCell,
  KOUJI_STATEMENT,
  type Report,
  setCell,
} from '@nianbao/schema';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { DraftStore } from './lib/drafts.ts';

const cell = (path: string) => document.querySelector<HTMLInputElement>(`[data-cell="${path}"]`)!;
const findingsOf = (rule?: string) =>
  [...document.querySelectorAll<HTMLElement>('[data-finding]')].filter(
    (li) => !rule || li.dataset.rule === rule,
  );

/** A 2021 report whose tables add up (every cell 0), opened as the current draft. */
function openDraft(report: Report): void {
  const store = new DraftStore();
  store.save({ id: 'test', updatedAt: new Date().toISOString(), report });
  store.setCurrent('test');
}

function zeroReport(): Report {
  const r = blankReport('2021', 0);
  r.meta = { agencyName: '平潭综合实验区社会事业局', agencyKind: 'dept', reportYear: 2023 };
  return r;
}

beforeEach(() => {
  history.replaceState(null, '', '/');
});

describe('the form', () => {
  it('draws tables 二, 三 and 四 in the official layout, one input per cell of the format', () => {
    render(<App />);
    const format = '2021'; // a new report is for last year, which is in the 2021 format
    const inputs = document.querySelectorAll('[data-cell]');
    expect([...inputs].map((i) => i.getAttribute('data-cell'))).toEqual(cellPaths(format));
    // The 勾稽 statement heads table 三, merged over three columns and three rows.
    const kouji = screen.getByText(KOUJI_STATEMENT);
    expect(kouji.getAttribute('colspan')).toBe('3');
    expect(kouji.getAttribute('rowspan')).toBe('3');
    // 三、本年度办理结果 spans every results row (22 in the 2021 format).
    const results = screen.getByText('三、本年度办理结果');
    const resultRows = FORMATS[format].applications.rows.filter((r) => r.groups.length > 0);
    expect(results.getAttribute('rowspan')).toBe(String(resultRows.length));
    expect(resultRows.length).toBe(22);
    // Cells are named by their row and column labels.
    expect(
      cell('applications.results.denied.stateSecret.naturalPerson').getAttribute('aria-label'),
    ).toBe('表三「（三）不予公开 1.属于国家秘密」行「自然人」列');
  });

  it('checks on every keystroke, offers the fix, and the fix clears the finding', async () => {
    openDraft(zeroReport());
    const user = userEvent.setup();
    render(<App />);
    const path = 'applications.newReceived.naturalPerson';
    expect(findingsOf().some((f) => f.dataset.rule?.startsWith('T3-'))).toBe(false);

    await user.click(cell(path));
    await user.keyboard('5');
    const t3 = findingsOf().filter((f) => f.dataset.rule?.startsWith('T3-'));
    expect(t3.length).toBeGreaterThan(0);
    const withFix = t3.find((f) => f.querySelector('[data-fix]'));
    expect(withFix).toBeDefined();
    const fix = withFix!.querySelector<HTMLButtonElement>('[data-fix]')!;
    expect(fix.dataset.fix).toBe(path);
    expect(fix.textContent).toBe('改为 0');
    expect(cell(path).getAttribute('aria-invalid')).toBe('true');
    const tip = document.getElementById(cell(path).getAttribute('aria-describedby')!);
    expect(tip?.textContent).toContain('勾稽');

    await user.click(fix);
    expect(cell(path).value).toBe('0');
    expect(findingsOf().some((f) => f.dataset.rule?.startsWith('T3-'))).toBe(false);
    expect(cell(path).getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the same findings as check() on the same report', () => {
    const report = setCell(zeroReport(), 'appeals.review.total', 4);
    openDraft(report);
    render(<App />);
    const expected = check(report).map((f) => f.fingerprint);
    expect(findingsOf().map((li) => li.dataset.finding)).toEqual(expect.arrayContaining(expected));
    expect(findingsOf()).toHaveLength(expected.length);
  });

  it('says "ready to upload" only when no error remains', async () => {
    const user = userEvent.setup();
    openDraft(zeroReport());
    render(<App />);
    const banner = () => document.querySelector<HTMLElement>('[data-ready]')!;
    const errors = () => findingsOf().filter((f) => f.dataset.severity === 'error').length;
    expect(banner().dataset.ready).toBe(String(errors() === 0));
    await user.click(cell('applications.newReceived.naturalPerson'));
    await user.keyboard('5');
    expect(errors()).toBeGreaterThan(0);
    expect(banner().dataset.ready).toBe('false');
    expect(banner().textContent).toMatch(/暂不能上传/);
  });

  it('moves between cells with arrows and Enter', async () => {
    const user = userEvent.setup();
    render(<App />);
    const rows = FORMATS['2021'].applications.rows;
    await user.click(cell(rows[0]!.cells[0]!));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(rows[1]!.cells[0]!));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell(rows[2]!.cells[0]!));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(rows[2]!.cells[1]!));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell(rows[1]!.cells[1]!));
  });

  it('fills the grid from the focused cell when a TSV block is pasted', () => {
    render(<App />);
    const rows = FORMATS['2021'].applications.rows;
    const start = cell(rows[0]!.cells[0]!);
    fireEvent.paste(start, {
      clipboardData: {
        getData: () => '一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\r\n2\t0\r\n',
      },
    });
    expect(rows[0]!.cells.map((p) => cell(p).value)).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    expect(cell(rows[1]!.cells[0]!).value).toBe('2');
    expect(cell(rows[1]!.cells[1]!).value).toBe('0');
    expect(screen.getByText(/已粘贴 9 个单元格/)).toBeTruthy();
  });

  it('keeps what is typed in a draft and brings it back on the next visit', async () => {
    const user = userEvent.setup();
    const first = render(<App />);
    await user.click(cell('appeals.review.upheld'));
    await user.keyboard('7');
    await user.type(screen.getByLabelText('机关名称'), '嵩县公安局');
    // The drafts list follows the open draft (saved within 300 ms).
    await waitFor(
      () => expect(document.querySelector('.draft-list')?.textContent).toContain('嵩县公安局'),
      { timeout: 5000 },
    );
    first.unmount();
    render(<App />);
    expect(cell('appeals.review.upheld').value).toBe('7');
    expect((screen.getByLabelText('机关名称') as HTMLInputElement).value).toBe('嵩县公安局');
  });

  it('opens with a message, not a blank page, when the current draft is damaged', () => {
    localStorage.setItem('nianbao.draft.v1.bad', '{"report": {"format": "2019", "meta": ');
    localStorage.setItem('nianbao.currentDraft', 'bad');
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/草稿已损坏/);
    expect(document.querySelectorAll('[data-cell]').length).toBeGreaterThan(0);
    const listed = document.querySelector('[data-draft="bad"]');
    expect(listed?.textContent).toMatch(/已损坏/);
  });

  it('takes a report handed over in #import= as a new draft and clears the hash', () => {
    openDraft(zeroReport());
    const report = setCell(blankReport('2019'), 'applications.newReceived.total', 12);
    report.meta = { agencyName: '嵩县公安局', reportYear: 2020 };
    history.replaceState(
      null,
      '',
      `/${encodeHandOver({ report, source: 'https://example.gov.cn/nb' })}`,
    );
    render(<App />);
    expect(location.hash).toBe('');
    expect(cell('applications.newReceived.total').value).toBe('12');
    expect(cell('activeDisclosure.procurement.amount')).not.toBeNull(); // the 2019 layout
    expect(screen.getByRole('alert').textContent).toContain('https://example.gov.cn/nb');
    // The draft that was open is still there.
    expect(new DraftStore().list().map((d) => d.id)).toContain('test');
  });

  it('switches to English: labels from the templates, messages from check()', async () => {
    openDraft(setCell(zeroReport(), 'appeals.review.total', 4));
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(
      screen.getAllByText(FORMATS['2021'].applications.columns[0]!.label.en).length,
    ).toBeGreaterThan(0);
    const en = check(setCell(zeroReport(), 'appeals.review.total', 4), { locale: 'en' });
    const panel = document.getElementById('findings')!;
    expect(within(panel).getByText(en[0]!.message)).toBeTruthy();
    await act(async () => {
      await user.click(screen.getByRole('button', { name: '切换到中文' }));
    });
  });

  it('warns when the format does not follow the year, and switches back in one click', async () => {
    openDraft(zeroReport());
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(screen.getByLabelText('报告格式'), '2019');
    expect(cell('activeDisclosure.procurement.amount')).not.toBeNull();
    const warning = document.getElementById('meta-format-warning')!;
    expect(warning.textContent).toContain('2023');
    await user.click(within(warning).getByRole('button'));
    expect(cell('activeDisclosure.procurement.amount')).toBeNull();
    // Table 三 survived the round trip.
    expect(cell('applications.newReceived.total').value).toBe('0');
    expect(getCell(zeroReport(), 'applications.newReceived.total')).toBe(0);
  });

  it('fills the blank cells of one table with 0 in one click', async () => {
    const user = userEvent.setup();
    render(<App />);
    const t4 = () => [...document.querySelectorAll<HTMLInputElement>('[data-cell^="appeals."]')];
    const t3 = () => [
      ...document.querySelectorAll<HTMLInputElement>('[data-cell^="applications."]'),
    ];
    expect(t4().every((i) => i.value === '')).toBe(true);
    const blankT4 = () =>
      findingsOf('CELL-BLANK').filter((li) => li.closest('[data-group="appeals"]')).length;
    expect(blankT4()).toBeGreaterThan(0);
    await user.click(document.querySelector<HTMLButtonElement>('[data-fill-blanks="appeals"]')!);
    expect(t4().map((i) => i.value)).toEqual(Array(15).fill('0'));
    expect(t3().every((i) => i.value === '')).toBe(true); // other tables untouched
    expect(blankT4()).toBe(0);
  });

  it('warns when another tab changes the open draft, and can load that version', async () => {
    openDraft(zeroReport());
    const user = userEvent.setup();
    render(<App />);
    const other = setCell(zeroReport(), 'appeals.review.upheld', 9);
    const text = JSON.stringify({ id: 'test', updatedAt: new Date().toISOString(), report: other });
    localStorage.setItem('nianbao.draft.v1.test', text);
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: 'nianbao.draft.v1.test', newValue: text }),
      );
    });
    expect(document.querySelector('[data-notice="other-tab"]')).not.toBeNull();
    await user.click(document.querySelector('[data-action="load-other-tab"]')!);
    expect(cell('appeals.review.upheld').value).toBe('9');
  });

  it('replaces an untouched blank report when another one is opened, and keeps a touched one', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: '新建空白报告' }));
    await user.click(screen.getByRole('button', { name: '新建空白报告' }));
    await waitFor(() => expect(new DraftStore().list()).toHaveLength(1), { timeout: 5000 });
    await user.click(cell('appeals.review.upheld'));
    await user.keyboard('2');
    await user.click(screen.getByRole('button', { name: '新建空白报告' }));
    await waitFor(() => expect(new DraftStore().list()).toHaveLength(2), { timeout: 5000 });
  });

  it('undoes a paste in one click, until something else is edited', async () => {
    const user = userEvent.setup();
    render(<App />);
    const rows = FORMATS['2021'].applications.rows;
    fireEvent.paste(cell(rows[0]!.cells[0]!), { clipboardData: { getData: () => '3\t1\n2\t0' } });
    expect(cell(rows[1]!.cells[0]!).value).toBe('2');
    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(cell(rows[0]!.cells[0]!).value).toBe('');
    expect(cell(rows[1]!.cells[0]!).value).toBe('');
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();

    fireEvent.paste(cell(rows[0]!.cells[0]!), { clipboardData: { getData: () => '3\t1' } });
    await user.click(cell('appeals.review.upheld'));
    await user.keyboard('4');
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
  });
});
