import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';

// The corpus kept at the repository root (tests/corpus.ts needs file: URLs, which this DOM environment lacks).
const corpus = resolve(__dirname, '../../../../corpus');
const seed = readFileSync(`${corpus}/seed/000_42380e1adf95d416.txt`, 'utf8');
const cell = (path: string) => document.querySelector<HTMLInputElement>(`[data-cell="${path}"]`);

describe('import', () => {
  it('reads pasted report text with @nianbao/extract and shows its reading notes', async () => {
    const user = userEvent.setup();
    render(<App />);
    const area = document.querySelector<HTMLTextAreaElement>('[data-import="text"]')!;
    await user.click(area);
    await user.paste(seed);
    await user.click(screen.getByRole('button', { name: '读取粘贴的文本' }));
    await screen.findByText('已导入：粘贴的文本', {}, { timeout: 15_000 });
    expect(cell('activeDisclosure.procurement.amount')?.value).toBe('1511');
    expect(document.querySelectorAll('[data-diagnostic]').length).toBeGreaterThan(0);
    expect((screen.getByLabelText('机关名称') as HTMLInputElement).value).toContain('嵩县公安局');

    // The header asks for 4 decimals (保留4位小数): typing them clears MONEY-HDR-DECIMALS,
    // because the form keeps the header read from the document and the text as typed.
    const rules = () =>
      [...document.querySelectorAll<HTMLElement>('[data-finding]')].map((li) => li.dataset.rule);
    expect(rules()).toContain('MONEY-HDR-DECIMALS');
    await user.tripleClick(cell('activeDisclosure.procurement.amount')!);
    await user.keyboard('1511.0000');
    expect(cell('activeDisclosure.procurement.amount')?.value).toBe('1511.0000');
    expect(rules()).not.toContain('MONEY-HDR-DECIMALS');
  });

  it('offers a choice when the text holds several reports', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(document.querySelector('[data-import="text"]')!);
    await user.paste(`${seed}\n\n${seed}`);
    await user.click(screen.getByRole('button', { name: '读取粘贴的文本' }));
    await screen.findByText(/有 2 份年度报告/, {}, { timeout: 15_000 });
    expect(cell('activeDisclosure.procurement.amount')).toBeNull(); // nothing imported yet
    await user.click(document.querySelector('[data-import-choice="1"]')!);
    expect(cell('activeDisclosure.procurement.amount')?.value).toBe('1511');
  });

  it('says so when pasted text is not a report, and leaves the form as it was', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(document.querySelector('[data-import="text"]')!, '今天天气很好。');
    await user.click(screen.getByRole('button', { name: '读取粘贴的文本' }));
    await screen.findByText(/未在「粘贴的文本」中找到年度报告/, {}, { timeout: 15_000 });
    expect(document.querySelector('[data-import-result="not-found"]')).not.toBeNull();
  });

  it('refuses a report JSON the schema does not accept, with the reason', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(document.querySelector('[data-import="text"]')!);
    await user.paste('{"format": "2018", "meta": {}}');
    await user.click(screen.getByRole('button', { name: '读取粘贴的文本' }));
    const result = await screen.findByText(/无法读取/, {}, { timeout: 15_000 });
    expect(result.textContent).toMatch(/format/);
  });
});
