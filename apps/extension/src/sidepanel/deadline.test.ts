import { blankReport } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { deadlineOf } from './deadline.ts';

function report(meta: Record<string, unknown>) {
  const r = blankReport('2019');
  return { ...r, meta: { ...r.meta, ...meta } };
}

describe('deadlineOf (条例 第四十九条)', () => {
  it('gives departments until 31 January: 上海市人民政府办公厅 2019, published 2020-01-31, is on time', () => {
    expect(
      deadlineOf(report({ reportYear: 2019, agencyKind: 'dept', publishedAt: '2020-01-31' })),
    ).toEqual({
      deadline: '2020-01-31',
      statutory: true,
      status: 'on-time',
    });
  });

  it('flags the seed (嵩县公安局 2020) as late when published in February', () => {
    const info = deadlineOf(
      report({ reportYear: 2020, agencyKind: 'dept', publishedAt: '2021-02-01' }),
    );
    expect(info.status).toBe('late');
    expect(info.deadline).toBe('2021-01-31');
  });

  it('gives governments until 31 March and townships the local default', () => {
    expect(
      deadlineOf(report({ reportYear: 2023, agencyKind: 'gov', publishedAt: '2024-03-08' })).status,
    ).toBe('on-time');
    const township = deadlineOf(
      report({ reportYear: 2023, agencyKind: 'township', publishedAt: '2024-03-08' }),
    );
    expect(township).toMatchObject({ deadline: '2024-03-31', statutory: false });
    expect(deadlineOf(report({ reportYear: 2023, agencyKind: 'township' }), '02-20').deadline).toBe(
      '2024-02-20',
    );
  });

  it('says what it cannot know', () => {
    expect(deadlineOf(report({ reportYear: 2023 })).status).toBe('unknown-kind');
    expect(deadlineOf(report({ reportYear: 2023, agencyKind: 'gov' })).status).toBe('no-date');
    expect(
      deadlineOf(report({ reportYear: 2023, agencyKind: 'gov', publishedAt: '2023-12-30' })).status,
    ).toBe('too-early');
  });
});

describe('deadlineOf takes its deadlines from the DL-* rules', () => {
  it('names the same deadline as the DL finding of a late report', async () => {
    const { check } = await import('@nianbao/schema');
    for (const [kind, local] of [
      ['dept', undefined],
      ['gov', undefined],
      ['township', '02-20'],
      ['other', undefined],
    ] as const) {
      const r = report({ reportYear: 2022, agencyKind: kind, publishedAt: '2023-12-30' });
      const finding = check(r, { ...(local ? { localDeadline: local } : {}) }).find((f) =>
        f.ruleId.startsWith('DL-'),
      );
      const info = deadlineOf(r, local);
      expect(info.status, kind).toBe('late');
      expect(finding?.params?.deadline, kind).toBe(info.deadline);
    }
  });
});
