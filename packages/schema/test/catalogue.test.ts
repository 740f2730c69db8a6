// Meta-tests over every rule: they keep metadata, messages, READMEs and the
// generated catalogue from drifting apart (stylelint's habit).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema, renderRulesJson, renderRulesMd } from '../scripts/artifacts.ts';
import { placeholdersOf } from '../src/core/format-message.ts';
import { ENGINE_MESSAGES, rules } from '../src/index.ts';

const rulesDir = fileURLToPath(new URL('../src/rules/', import.meta.url));
const README_HEADINGS = [
  '## 检查内容',
  '## 依据',
  '## 示例',
  '## What it checks',
  '## Basis',
  '## Examples',
];
const SPEC_IDS = /^(S|FMT|T2|T3|T4|CELL|MONEY|XT|XY|DL)-[A-Z0-9-]+$/;

describe('rule catalogue', () => {
  it('has unique ids that match their folders', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...ids].sort()).toEqual(folders);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s has complete metadata', (id, rule) => {
    const m = rule.meta;
    expect(id).toMatch(SPEC_IDS);
    expect(['error', 'warning', 'info']).toContain(m.severity);
    expect(m.formats.length).toBeGreaterThan(0);
    for (const f of m.formats) expect(['2019', '2021']).toContain(f);
    expect(m.tags.length).toBeGreaterThan(0);
    expect(m.docs.zh.trim()).not.toBe('');
    expect(m.docs.en.trim()).not.toBe('');
    expect(m.basis.trim()).not.toBe('');
    expect(m.messages.default).toBeDefined();
    if (m.inferred) expect(m.severity).not.toBe('error');
    expect(typeof rule.check).toBe('function');
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s has both languages with the same placeholders',
    (_id, rule) => {
      for (const message of Object.values(rule.meta.messages)) {
        expect(message.zh.trim()).not.toBe('');
        expect(message.en.trim()).not.toBe('');
        expect(/[\u4e00-\u9fff]/.test(message.zh)).toBe(true);
        expect(placeholdersOf(message.en)).toEqual(placeholdersOf(message.zh));
      }
    },
  );

  it('engine messages have both languages with the same placeholders', () => {
    for (const message of Object.values(ENGINE_MESSAGES)) {
      expect(placeholdersOf(message.en)).toEqual(placeholdersOf(message.zh));
    }
  });

  it.each(rules.map((r) => [r.meta.id] as const))('%s has a bilingual README and tests', (id) => {
    const readme = `${rulesDir}${id}/README.md`;
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(README_HEADINGS);
    expect(existsSync(`${rulesDir}${id}/index.test.ts`)).toBe(true);
  });
});

describe('generated files', () => {
  const root = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');
  const hint = 'stale: run `npm run generate -w @nianbao/schema`';

  it('report.schema.json is up to date', () => {
    expect(root('../report.schema.json'), hint).toBe(renderJsonSchema());
  });
  it('rules.json is up to date and lists every rule', () => {
    expect(root('../rules.json'), hint).toBe(renderRulesJson());
    const listed = JSON.parse(root('../rules.json')).map((r: { id: string }) => r.id);
    expect(listed).toEqual(rules.map((r) => r.meta.id));
  });
  it('docs/rules.md is up to date', () => {
    expect(root('../../../docs/rules.md'), hint).toBe(renderRulesMd());
  });
  it('src/rules/index.ts lists every rule folder', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [
      fileURLToPath(new URL('../scripts/gen-rules-index.mjs', import.meta.url)),
      '--check',
    ]);
  });
});
