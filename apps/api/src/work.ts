/**
 * How routes hand document work to the runner (the worker pool, or in-process) and
 * turn what went wrong into problems: a document's own problem (time limit, memory,
 * unreadable) or the request's (deadline, client gone, queue full).
 */
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import {
  ClientGone,
  DeadlineExceeded,
  ExtractionTimeout,
  QueueFull,
  type Runner,
  WorkerCrashed,
} from './extract-pool.ts';
import type { Job, JobResult } from './jobs.ts';
import { type Problem, type ProblemSlug, sendProblem } from './problem.ts';

export type Failure = {
  slug: ProblemSlug;
  params: Record<string, string | number>;
  extra?: Partial<Problem>;
};

/** Settled jobs: a result, or the failure that stands in its place. */
export type Settled = { ok: true; result: JobResult & { ok: true } } | ({ ok: false } & Failure);

/** What a job's error means for the client. */
export function failureOf(error: unknown, kind: string): Failure {
  if (error instanceof ExtractionTimeout)
    return { slug: 'extraction-timeout', params: { seconds: error.timeoutMs / 1000 } };
  if (error instanceof DeadlineExceeded)
    return { slug: 'deadline-exceeded', params: { seconds: error.deadlineMs / 1000 } };
  if (error instanceof ClientGone) return { slug: 'client-closed', params: {} };
  if (error instanceof WorkerCrashed && error.outOfMemory)
    return { slug: 'document-too-large', params: { mb: error.heapMb ?? 0 } };
  return {
    slug: 'unreadable-document',
    params: { kind, reason: error instanceof Error ? error.message : String(error) },
  };
}

/**
 * Runs a request's jobs under its deadline and cancellation signal, as its client.
 * Answers the settled jobs, or the 503 response when the client's queue is full.
 */
export async function runJobs(
  c: Context<AppEnv>,
  runner: Runner,
  jobs: Array<{ job: Job; kind: string }>,
): Promise<Settled[] | Response> {
  let promises: Array<Promise<JobResult>>;
  try {
    promises = runner.submit(
      jobs.map((j) => j.job),
      { client: c.get('client'), signal: c.get('signal') },
    );
  } catch (error) {
    if (!(error instanceof QueueFull)) throw error;
    const res = sendProblem(c, 'queue-full', {
      limit: error.limit,
      retry: error.retryAfterSeconds,
    });
    res.headers.set('Retry-After', String(error.retryAfterSeconds));
    return res;
  }
  const settled = await Promise.allSettled(promises);
  return settled.map((s, i): Settled => {
    if (s.status === 'rejected') return { ok: false, ...failureOf(s.reason, jobs[i]!.kind) };
    const result = s.value;
    return result.ok
      ? { ok: true, result }
      : {
          ok: false,
          slug: result.slug,
          params: result.params,
          ...(result.extra ? { extra: result.extra } : {}),
        };
  });
}

/** A failure as the whole answer (Retry-After on a 503). */
export function sendFailure(c: Context<AppEnv>, failure: Failure): Response {
  const res = sendProblem(c, failure.slug, failure.params, failure.extra ?? {});
  if (failure.slug === 'deadline-exceeded') res.headers.set('Retry-After', '10');
  return res;
}
