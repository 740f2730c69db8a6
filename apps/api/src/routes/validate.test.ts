import { readFileSync } from 'node:fs';
import { check } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { reportFromValues } from '../../test/corpus-reports.ts';
import { json, PROBLEM_TYPE, testApp } from '../../test/helpers.ts';

const PAGES = ['pt-syq-2019', 'pt-syq-2023', 'pt-shs-2023', 'sh-gov-office-2019.fragment'];

describe('POST /api/v1/validate', () => {
  it.each(PAGES)('returns the findings of check() for the corpus report %s', async (page) => {
    const { app } = testApp();
    const report = reportFromValues(page);
    const res = await app.request('/api/v1/validate', json(report));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    const expected = check(report);
    expect(body.findings).toEqual(JSON.parse(JSON.stringify(expected)));
    // Reading notes (origin "extraction", e.g. DL-DATE-MISSING) are counted apart.
    const own = expected.filter((f) => f.origin !== 'extraction');
    expect(body.summary).toEqual({
      ok: own.every((f) => f.severity !== 'error'),
      errors: own.filter((f) => f.severity === 'error').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
      infos: own.filter((f) => f.severity === 'info').length,
      notes: expected.length - own.length,
      total: expected.length,
      format: report.format,
      reportYear: report.meta.reportYear,
    });
  });

  it('flags the defects of the seed report (嵩县公安局 2020, transcribed by hand)', async () => {
    const { app } = testApp();
    const fixture = JSON.parse(
      readFileSync(
        new URL('../../../../packages/schema/test/fixtures/seed-2020.report.json', import.meta.url),
        'utf8',
      ),
    );
    const res = await app.request('/api/v1/validate', json(fixture.report));
    expect(res.status).toBe(200);
    const { findings, summary } = await res.json();
    const ids = findings.map((f: { ruleId: string }) => f.ruleId);
    // Without the page's header texts (provenance), the decimal rule cannot run; the rest can.
    expect(ids).toEqual(
      expect.arrayContaining(['S-HEADING-ORDINAL-UNIQUE', 'T4-SHAPE', 'S-SUBHEADING-SEQUENCE']),
    );
    expect(summary).toMatchObject({ ok: false, format: '2019', reportYear: 2020 });
  });

  it('flags the real defect of the Shanghai 2019 report: a blank 总计 column under （七）总计 805', async () => {
    const { app } = testApp();
    const res = await app.request(
      '/api/v1/validate',
      json(reportFromValues('sh-gov-office-2019.fragment')),
    );
    const { findings, summary } = await res.json();
    expect(summary.total).toBeGreaterThan(0);
    // One cause, one finding (issue 12): the blank 总计 column, naming its rows.
    const blank = findings.find((f: { ruleId: string }) => f.ruleId === 'T3-TOTAL-BLANK');
    expect(blank.cells).toContain('applications.results.granted.total');
  });

  it('speaks English with ?locale=en or Accept-Language, Chinese by default', async () => {
    const { app } = testApp();
    const report = reportFromValues('sh-gov-office-2019.fragment');
    const zh = await (await app.request('/api/v1/validate', json(report))).json();
    const en = await (await app.request('/api/v1/validate?locale=en', json(report))).json();
    const header = await (
      await app.request('/api/v1/validate', json(report, { 'Accept-Language': 'en' }))
    ).json();
    expect(zh.findings.map((f: { message: string }) => f.message)).toEqual(
      check(report, { locale: 'zh-CN' }).map((f) => f.message),
    );
    expect(en.findings.map((f: { message: string }) => f.message)).toEqual(
      check(report, { locale: 'en' }).map((f) => f.message),
    );
    expect(header).toEqual(en);
    expect(zh.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
    // Same findings, same fingerprints, whatever the language.
    expect(en.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(
      zh.findings.map((f: { fingerprint: string }) => f.fingerprint),
    );
  });

  it('answers 422 with localised zod issues naming the cell when the body is not a report', async () => {
    const { app } = testApp();
    const report = reportFromValues('pt-syq-2023') as unknown as {
      applications: { newReceived: Record<string, unknown> };
    };
    report.applications.newReceived.naturalPerson = '八十';
    const zh = await app.request('/api/v1/validate', json(report));
    expect(zh.status).toBe(422);
    expect(zh.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    const zhBody = await zh.json();
    expect(zhBody).toMatchObject({
      type: 'urn:nianbao:problem:invalid-report',
      title: '不是合法的年报数据',
      issues: [
        {
          path: 'applications.newReceived.naturalPerson',
          code: 'invalid_type',
          // zod's own zh-CN locale words it (it leaves the received type in English).
          message: expect.stringMatching(/^无效输入：期望 数字，实际接收/),
        },
      ],
    });
    expect(zhBody.issues[0].cell).toContain('自然人');
    const en = await (await app.request('/api/v1/validate?locale=en', json(report))).json();
    expect(en.title).toBe('Not a report');
    expect(en.issues[0].message).toBe('Invalid input: expected number, received string');
    expect(en.issues[0].cell).toMatch(/^table 3, row ".+", column ".+"$/);
  });

  it.each([
    ['an unknown format', { format: '2018' }, 'format'],
    ['an array', [], ''],
    ['a string', 'report', ''],
    ['null', null, ''],
  ])('answers 422 for %s', async (_, body, path) => {
    const { app } = testApp();
    const res = await app.request('/api/v1/validate?locale=en', json(JSON.stringify(body)));
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.type).toBe('urn:nianbao:problem:invalid-report');
    expect(problem.issues[0].path).toBe(path);
  });

  it('accepts a partly filled report (blanks as null, tables absent)', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/validate', json({ format: '2021' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.summary.format).toBe('2021');
    expect(Array.isArray(body.findings)).toBe(true);
  });
});

describe('POST /api/v1/validate is strict about keys', () => {
  it('answers 422 naming a misspelt key instead of "no table found"', async () => {
    const { app } = testApp();
    const res = await app.request(
      '/api/v1/validate',
      json({ format: '2021', applicatons: {}, meta: { reportYear: 2023, agencyNmae: 'x' } }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    const body = await res.json();
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'applicatons',
      'meta.agencyNmae',
    ]);
    expect(body.issues[0].message).toMatch(/未知的键/);
  });
});
