/**
 * The document work of the API, as plain messages: a `check` job reads a document
 * (extractAll) and checks what it found (checkExtracted); a `validate` job checks a
 * report given as JSON. `runJob` does the work and answers plain data — the response
 * body already serialised, so that neither a worker's reply nor the main thread ever
 * holds DOM elements or spends time serialising thousands of findings.
 *
 * The same function runs in the worker threads (extract-worker.ts, the bundled server)
 * and in-process (tests, `tsx` dev), with an injectable `Extractor`.
 */
import { checkExtracted } from '@nianbao/extract/check';
import {
  check,
  type Locale,
  type Report,
  type Summary,
  summarize,
  unknownKeys,
} from '@nianbao/schema';
import type { ExtractInput, ExtractOptions, Extractor, ExtractResult } from './extractor.ts';
import { localisedIssues } from './issues.ts';
import type { ProblemIssue } from './problem.ts';
import { ReportSchema } from './schemas.ts';

export interface CheckJob {
  kind: 'check';
  input: ExtractInput;
  options: ExtractOptions;
  locale: Locale;
  previous?: Report;
  /** Add `provenance` to the answer. */
  provenance: boolean;
  /** Check every report of the page (in `others`), not only the first. */
  all: boolean;
}

/** A report as JSON text: parsed, validated and checked in the worker (10 MB of JSON is work too). */
export interface ValidateJob {
  kind: 'validate';
  text: string;
  locale: Locale;
}

export type Job = CheckJob | ValidateJob;

/** A finished job: the JSON body of the answer and its summary (batches add them up). */
export type JobResult =
  | { ok: true; json: string; summary: Summary }
  | {
      ok: false;
      slug: 'unreadable-document' | 'malformed-json' | 'invalid-report';
      params: Record<string, string | number>;
      extra?: { issues: ProblemIssue[] };
    };

/** Provenance without DOM elements (present when the input was a live DOM). */
const noElements = (key: string, value: unknown) => (key === 'element' ? undefined : value);

export async function runJob(job: Job, extractor: Extractor): Promise<JobResult> {
  if (job.kind === 'validate') {
    let input: unknown;
    try {
      input = JSON.parse(job.text);
    } catch (error) {
      return {
        ok: false,
        slug: 'malformed-json',
        params: { reason: error instanceof Error ? error.message : String(error) },
      };
    }
    const parsed = ReportSchema.safeParse(input);
    if (!parsed.success) {
      const issues = localisedIssues(ReportSchema, input, job.locale);
      return {
        ok: false,
        slug: 'invalid-report',
        params: { count: issues.length },
        extra: { issues },
      };
    }
    // Strict at the API: a misspelt key ("applicatons") is named, not silently dropped.
    const unknown = unknownKeys(input, parsed.data);
    if (unknown.length > 0) {
      const issues = unknown.map((path) => ({
        path: path.join('.'),
        code: 'unrecognized_keys',
        message:
          job.locale === 'en'
            ? `Unknown key "${path.at(-1)}": not part of the report model`
            : `未知的键“${path.at(-1)}”：年报数据模型中没有这个字段`,
      }));
      return {
        ok: false,
        slug: 'invalid-report',
        params: { count: issues.length },
        extra: { issues },
      };
    }
    const report = parsed.data as Report;
    const findings = check(report, { locale: job.locale });
    const summary = summarize(findings, report);
    return { ok: true, json: JSON.stringify({ findings, summary }), summary };
  }
  let results: ExtractResult[];
  try {
    results = await extractor(job.input, job.options);
  } catch (error) {
    // The extractor normally answers found:false; if it throws all the same, the
    // document is unreadable to us, which is no reason to take the server down.
    return {
      ok: false,
      slug: 'unreadable-document',
      params: {
        kind: job.input.kind,
        reason: error instanceof Error ? error.message : String(error),
      },
    };
  }
  // The first report found is the answer (as extract() gives it); a page that holds
  // more says so in `moreReports`, and lists them all with ?all=true.
  const primary = results.find((r) => r.found) ?? results[0];
  if (!primary) {
    return {
      ok: false,
      slug: 'unreadable-document',
      params: { kind: job.input.kind, reason: 'no result' },
    };
  }
  const others = results.filter((r) => r !== primary && r.found);
  const checked = (result: ExtractResult) => {
    const done = checkExtracted(result, {
      locale: job.locale,
      ...(job.previous ? { previous: job.previous } : {}),
    });
    return {
      found: done.found,
      report: done.report,
      findings: done.findings,
      diagnostics: done.diagnostics,
      summary: done.summary,
      ...(job.provenance ? { provenance: result.provenance } : {}),
    };
  };
  const first = checked(primary);
  const body = {
    ...first,
    moreReports: others.length,
    ...(job.all && others.length > 0 ? { others: others.map(checked) } : {}),
  };
  // A replacer slows serialising down: only provenance can hold elements.
  const json = job.provenance ? JSON.stringify(body, noElements) : JSON.stringify(body);
  return { ok: true, json, summary: first.summary };
}
