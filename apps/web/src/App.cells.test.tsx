import { blankReport, type Report } from '@nianbao/schema';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { DraftStore } from './lib/drafts.ts';

const cell = (path: string) => document.querySelector<HTMLInputElement>(`[data-cell="${path}"]`)!;
const banner = () => document.querySelector<HTMLElement>('[data-ready]')!;
const findings = (rule?: string) =>
  [...document.querySelectorAll<HTMLElement>('[data-finding]')].filter(
    (li) => !rule || li.dataset.rule === rule,
  );
const PATH = 'applications.newReceived.naturalPerson';

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

describe('text that is not a number, in the form', () => {
  it('a new blank report opens neutral, and gets a verdict once something is typed', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(banner().dataset.ready).toBe('neutral');
    expect(banner().textContent).not.toMatch(/暂不能上传|可以上传/);
    expect(banner().textContent).toContain('填写或导入报告后显示检查结果');
    await user.click(cell(PATH));
    await user.keyboard('5');
    expect(['true', 'false']).toContain(banner().dataset.ready);
  });

  it('is an error everywhere: the cell, the banner, the panel; "改为 71" fixes it', async () => {
    const user = userEvent.setup();
    openDraft(zeroReport());
    render(<App />);
    expect(banner().dataset.ready).toBe('true');
    await user.click(cell(PATH));
    await user.keyboard('七十一');
    expect(cell(PATH).value).toBe('七十一');
    expect(cell(PATH).getAttribute('aria-invalid')).toBe('true');
    expect(banner().dataset.ready).toBe('false');
    expect(banner().dataset.errors).toBe('1');
    expect(banner().textContent).toMatch(/暂不能上传/);
    const own = findings('FORM-NOT-A-NUMBER');
    expect(own).toHaveLength(1);
    expect(own[0]!.dataset.severity).toBe('error');
    expect(own[0]!.closest('[data-blocks-upload]')?.getAttribute('data-blocks-upload')).toBe(
      'true',
    );
    expect(own[0]!.textContent).toContain('「自然人」列');
    // The sums are not done with the old value (0) nor as blank: no table 三 finding.
    expect(findings().filter((f) => f.dataset.rule?.startsWith('T3-'))).toEqual([]);
    const fix = own[0]!.querySelector<HTMLButtonElement>('[data-fix]')!;
    expect(fix.textContent).toBe('改为 71');
    await user.click(fix);
    expect(cell(PATH).value).toBe('71');
    expect(findings('FORM-NOT-A-NUMBER')).toEqual([]);
    expect(cell(PATH).getAttribute('aria-invalid')).toBe('true'); // 71 now breaks the sums
    expect(findings().some((f) => f.dataset.rule?.startsWith('T3-'))).toBe(true);
  });

  it('offers no fix for text that is no numeral, and a number typed over it clears the error', async () => {
    const user = userEvent.setup();
    openDraft(zeroReport());
    render(<App />);
    await user.click(cell(PATH));
    await user.keyboard('abc');
    const own = findings('FORM-NOT-A-NUMBER');
    expect(own).toHaveLength(1);
    expect(own[0]!.querySelector('[data-fix]')).toBeNull();
    expect(banner().dataset.ready).toBe('false');
    await user.clear(cell(PATH));
    await user.keyboard('0');
    expect(cell(PATH).value).toBe('0');
    expect(findings('FORM-NOT-A-NUMBER')).toEqual([]);
    expect(banner().dataset.ready).toBe('true');
  });

  it('keeps the text as typed across a reload (the draft), with its error', async () => {
    const user = userEvent.setup();
    openDraft(zeroReport());
    const first = render(<App />);
    await user.click(cell(PATH));
    await user.keyboard('七十一');
    await user.tab(); // leaves the cell
    expect(cell(PATH).value).toBe('七十一');
    window.dispatchEvent(new Event('pagehide')); // saved at once, as on a reload
    first.unmount();
    render(<App />);
    expect(cell(PATH).value).toBe('七十一');
    expect(cell(PATH).getAttribute('aria-invalid')).toBe('true');
    expect(findings('FORM-NOT-A-NUMBER')).toHaveLength(1);
    expect(banner().dataset.ready).toBe('false');
  });

  it('"空白格填 0" leaves a cell holding text alone', async () => {
    const user = userEvent.setup();
    openDraft(blankReport('2021'));
    render(<App />);
    await user.click(cell(PATH));
    await user.keyboard('七十一');
    await user.click(
      document.querySelector<HTMLButtonElement>('[data-fill-blanks="applications"]')!,
    );
    expect(cell(PATH).value).toBe('七十一');
    expect(cell('applications.newReceived.total').value).toBe('0');
  });
});
