/**
 * Turns zod issues into localised problem issues. zod's own locales (zh-CN, en) word
 * the messages; a cell path also gets the official row and column labels, so that a
 * clerk reading the 422 knows which cell of which table is wrong.
 */
import { cellInfo, describeCell, FormatSchema, type Locale } from '@nianbao/schema';
import { type ZodType, z } from 'zod';
import type { ProblemIssue } from './problem.ts';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

// zh-CN words a failed discriminator as a bare "无效输入"; say which values are allowed.
const discriminatorMessage = (options: unknown[], locale: Locale) =>
  locale === 'en'
    ? `Invalid format: expected one of ${options.map((o) => `"${String(o)}"`).join(', ')}`
    : `无效的格式：应为 ${options.map((o) => `“${String(o)}”`).join('、')} 之一`;

function errorMap(locale: Locale): z.core.$ZodErrorMap {
  const base = zodLocales[locale].localeError;
  return (issue) => {
    // Our own refinements carry both languages in params.
    const params = (issue as { params?: { zh?: unknown; en?: unknown } }).params;
    if (
      issue.code === 'custom' &&
      typeof params?.zh === 'string' &&
      typeof params.en === 'string'
    ) {
      return locale === 'en' ? params.en : params.zh;
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      return discriminatorMessage(issue.options, locale);
    }
    return base(issue);
  };
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Parses `input` with `schema` in `locale`; on failure returns the issues, localised. */
export function localisedIssues(schema: ZodType, input: unknown, locale: Locale): ProblemIssue[] {
  const result = schema.safeParse(input, { error: errorMap(locale) });
  if (result.success) return [];
  return describeIssues(result.error.issues, input, locale);
}

/**
 * Re-words issues that zod already produced (in its default English) in `locale`;
 * `input` is the value that was parsed, used to name what was received.
 */
export function localiseIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  locale: Locale,
): ProblemIssue[] {
  const map = errorMap(locale);
  const reworded = issues.map((issue) => {
    const raw = { ...issue, input: valueAt(input, issue.path) } as Parameters<typeof map>[0];
    const message = map(raw);
    const text = typeof message === 'string' ? message : message?.message;
    return { ...issue, message: text ?? issue.message };
  });
  return describeIssues(reworded, input, locale);
}

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  locale: Locale,
): ProblemIssue[] {
  const format = FormatSchema.safeParse(
    input && typeof input === 'object' ? (input as { format?: unknown }).format : undefined,
  );
  return issues.map((issue) => {
    const path = dotted(issue.path);
    const isCell = format.success && cellInfo(format.data, path) !== undefined;
    return {
      path,
      message: issue.message,
      code: issue.code,
      ...(isCell && format.success ? { cell: describeCell(format.data, path, locale) } : {}),
    };
  });
}
