import { blankReport, check, getCell, type Report, summarize } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../i18n/strings.ts';
import { DraftStore } from '../lib/drafts.ts';
import { LimitedStorage } from '../lib/drafts-testing.ts';
import { draftFromState, type FormState, formReducer, stateFromDraft } from './form.ts';
import {
  NOT_A_NUMBER,
  suggestValue,
  typedTextOf,
  typedTexts,
  withTypedCells,
} from './typed-cells.ts';

const t = STRINGS['zh-CN'];
const PATH = 'applications.results.granted.naturalPerson';

/** A 2021 report whose tables add up: 71 granted to natural persons, every other cell 0. */
function report71(): Report {
  const r = blankReport('2021', 0);
  r.meta = { agencyName: '平潭综合实验区社会事业局', agencyKind: 'dept', reportYear: 2023 };
  for (const p of [
    'applications.newReceived.naturalPerson',
    'applications.newReceived.total',
    PATH,
    'applications.results.granted.total',
    'applications.results.total.naturalPerson',
    'applications.results.total.total',
  ]) {
    const keys = p.split('.');
    let node = r as unknown as Record<string, Record<string, unknown>>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, Record<string, unknown>>;
    (node as Record<string, unknown>)[keys.at(-1)!] = 71;
  }
  return r;
}

function stateOf(report: Report): FormState {
  return stateFromDraft({ id: 'd', updatedAt: new Date(0).toISOString(), report });
}

function type(state: FormState, path: string, text: string): FormState {
  return formReducer(state, {
    type: 'cells',
    updates: [{ path, value: null, raw: text, notANumber: true }],
  });
}

/** The findings the form shows for a state (check(), then the typed cells). */
function shown(state: FormState) {
  const findings = check(state.report, {
    ...(state.provenance && { provenance: state.provenance }),
  });
  return withTypedCells(
    findings,
    typedTexts(state.report.format, state.provenance),
    state.report.format,
    'zh-CN',
    t,
  );
}

describe('suggestValue', () => {
  it('reads Chinese numerals, with a count unit or spaces around them', () => {
    expect(suggestValue('七十一')).toBe(71);
    expect(suggestValue(' 一百零五 件')).toBe(105);
    expect(suggestValue('两千三百')).toBe(2300);
    expect(suggestValue('〇')).toBe(0);
    expect(suggestValue('十')).toBe(10);
  });
  it('offers nothing for other text or an ambiguous numeral', () => {
    for (const text of ['abc', '1,2,3', '两千三', '一百一', '七十一万元', '约七十']) {
      expect(suggestValue(text), text).toBeUndefined();
    }
  });
});

describe('a cell holding text that is not a number', () => {
  it('is null in the report, kept as typed in the provenance, and marked', () => {
    const before = stateOf(report71());
    expect(shown(before).filter((f) => f.severity === 'error')).toEqual([]);
    const after = type(before, PATH, '七十一');
    expect(getCell(after.report, PATH)).toBeNull();
    expect(after.provenance?.cells[PATH]?.raw).toBe('七十一');
    expect(typedTextOf(after.provenance, PATH)).toBe('七十一');
    expect([...typedTexts(after.report.format, after.provenance)]).toEqual([[PATH, '七十一']]);
  });

  it('is one error naming the cell, with the fix for a Chinese numeral, and no sums of another value', () => {
    const findings = shown(type(stateOf(report71()), PATH, '七十一'));
    const own = findings.filter((f) => f.ruleId === NOT_A_NUMBER);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      severity: 'error',
      origin: 'report',
      cells: [PATH],
      fix: { cell: PATH, value: 71 },
    });
    expect(own[0]!.message).toContain('（一）予以公开」行「自然人」列：');
    expect(own[0]!.message).toContain('七十一');
    // No finding reads the cell as blank (0) or as its old value: those sums cannot be done.
    const others = findings.filter((f) => f.ruleId !== NOT_A_NUMBER);
    expect(others.filter((f) => f.cells.includes(PATH))).toEqual([]);
    expect(others.filter((f) => f.ruleId.startsWith('T3-'))).toEqual([]);
    expect(summarize(findings).errors).toBe(1);
    expect(findings[0]).toBe(own[0]); // errors first, as check() orders them
  });

  it('offers no fix for text that is no numeral (abc, 1,2,3)', () => {
    for (const text of ['abc', '1,2,3']) {
      const own = shown(type(stateOf(report71()), PATH, text)).filter(
        (f) => f.ruleId === NOT_A_NUMBER,
      );
      expect(own, text).toHaveLength(1);
      expect(own[0]!.fix, text).toBeUndefined();
      expect(own[0]!.severity).toBe('error');
    }
  });

  it('keeps the other cells of a finding that lists many (blank cells of a table)', () => {
    const blank = stateOf(blankReport('2021'));
    const before = check(blank.report).find(
      (f) => f.ruleId === 'CELL-BLANK' && f.cells.includes(PATH),
    );
    expect(before).toBeDefined();
    const after = shown(type(blank, PATH, 'abc'));
    const listing = after.find((f) => f.fingerprint === before!.fingerprint);
    expect(listing?.cells).toEqual(before!.cells.filter((c) => c !== PATH));
  });

  it('is a number again once a number is typed or the fix applied', () => {
    const typed = type(stateOf(report71()), PATH, '七十一');
    const fixed = formReducer(typed, {
      type: 'cells',
      updates: [{ path: PATH, value: 71, raw: '71' }],
    });
    expect(getCell(fixed.report, PATH)).toBe(71);
    expect(typedTextOf(fixed.provenance, PATH)).toBeUndefined();
    expect(shown(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('ignores raw texts the extractor kept (only what was typed in the form counts)', () => {
    const state = stateOf(report71());
    state.provenance = { cells: { [PATH]: { raw: '七十一' } } };
    expect(typedTexts(state.report.format, state.provenance).size).toBe(0);
  });

  it('survives a draft saved and loaded again (drafts stay lenient)', () => {
    const store = new DraftStore(new LimitedStorage(1_000_000));
    const typed = type(stateOf(report71()), PATH, '七十一');
    expect(store.save(draftFromState(typed))).toBeUndefined();
    const loaded = store.load(typed.draftId);
    expect(loaded?.ok).toBe(true);
    const back = stateFromDraft(loaded!.ok ? loaded!.draft : (undefined as never));
    expect(typedTextOf(back.provenance, PATH)).toBe('七十一');
    expect(getCell(back.report, PATH)).toBeNull();
    expect(shown(back).filter((f) => f.ruleId === NOT_A_NUMBER)).toHaveLength(1);
  });
});
