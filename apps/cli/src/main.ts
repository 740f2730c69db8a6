import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  type Batch,
  type FailOn,
  renderCsv,
  renderHtml,
  renderJson,
  renderSarif,
  renderText,
  type TextStyles,
} from '@nianbao/render';
import { type Locale, type Report, ruleCatalogue } from '@nianbao/schema';
import reportJsonSchema from '@nianbao/schema/report.schema.json';
import { Presets, SingleBar } from 'cli-progress';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createColors } from 'picocolors';
import checkOutputSchema from '../check-output.schema.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };
import { toInputError, UsageError } from './errors.ts';
import { DEFAULT_FETCH_LIMITS } from './fetch.ts';
import { expandInputs, readListFile } from './inputs.ts';
import { DEFAULT_ISOLATION } from './isolation.ts';
import { rulesMarkdown } from './rules-md.ts';
import { readSuppressions } from './suppress.ts';

/** Where the CLI talks to: the process by default, buffers in tests. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const VERSION: string = pkg.version;

type OutputFormat = 'text' | 'json' | 'sarif' | 'csv' | 'html';

interface CheckFlags {
  format: OutputFormat;
  output?: string[];
  locale: Locale;
  previous?: string;
  failOn: FailOn;
  suppress?: string;
  list?: string[];
  concurrency: number;
  threads?: number;
  fileTimeout: number;
  allowPrivate?: boolean;
  timeout: number;
  maxBytes: number;
  maxRedirects: number;
  color?: boolean;
  progress: boolean;
  bom?: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const FORMAT_OF_EXTENSION: Record<string, OutputFormat> = {
  '.json': 'json',
  '.sarif': 'sarif',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

/** The output format a file name asks for (`out.sarif`, `report.html`…), if any. */
export function formatOfFile(file: string): OutputFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.sarif.json')) return 'sarif';
  return FORMAT_OF_EXTENSION[path.extname(lower)];
}

interface PlannedOutput {
  /** A file path, or `-` for stdout. */
  target: string;
  format: OutputFormat;
}

/**
 * Where each format goes. No -o: stdout in --format. One -o: --format when given, else
 * the file's extension. Several: each file's extension (one run writes the JSON, the
 * SARIF and the HTML), `-` being stdout in --format.
 */
export function planOutputs(
  flags: { format: OutputFormat; output?: string[] },
  formatGiven: boolean,
): PlannedOutput[] {
  const targets = flags.output ?? [];
  if (targets.length === 0) return [{ target: '-', format: flags.format }];
  if (new Set(targets).size !== targets.length)
    throw new UsageError('the same --output is given twice');
  if (targets.length === 1) {
    const [target] = targets as [string];
    const format =
      target === '-' || formatGiven ? flags.format : (formatOfFile(target) ?? flags.format);
    return [{ target, format }];
  }
  return targets.map((target) => {
    if (target === '-') return { target, format: flags.format };
    const format = formatOfFile(target);
    if (!format) {
      throw new UsageError(
        `--output ${target}: name it .txt, .json, .sarif, .csv or .html to choose its format`,
      );
    }
    return { target, format };
  });
}

/** Worker threads parsing documents: two, or one on a one-core machine (always at least one). */
function defaultThreads(): number {
  return Math.min(2, availableParallelism());
}

/** Colour for text written to stdout (files never get colour). */
function useColor(flags: CheckFlags, io: Io): boolean {
  if (flags.color !== undefined) return flags.color;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}

function textStyles(enabled: boolean): TextStyles {
  const c = createColors(enabled);
  return { error: c.red, warning: c.yellow, info: c.cyan, bold: c.bold, dim: c.dim, ok: c.green };
}

function render(batch: Batch, format: OutputFormat, flags: CheckFlags, colour: boolean): string {
  const generator = `nianbao ${VERSION}`;
  switch (format) {
    case 'json':
      return renderJson(batch, { tool: { name: 'nianbao', version: VERSION } });
    case 'sarif':
      return renderSarif(batch, {
        catalogue: ruleCatalogue(),
        toolVersion: VERSION,
        locale: flags.locale,
      });
    case 'csv':
      // Excel and WPS take a UTF-8 CSV for GBK unless it starts with a byte-order mark.
      return (flags.bom ? '\uFEFF' : '') + renderCsv(batch, { locale: flags.locale });
    case 'html':
      return renderHtml(batch, { locale: flags.locale, generator, catalogue: ruleCatalogue() });
    default:
      return renderText(batch, { locale: flags.locale, styles: textStyles(colour) });
  }
}

async function emit(text: string, output: string | undefined, io: Io): Promise<void> {
  if (output) {
    try {
      await writeFile(path.resolve(io.cwd, output), text, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write ${output}: ${(error as Error).message}`);
    }
  } else {
    io.stdout.write(text);
  }
}

async function readPrevious(
  arg: string,
  flags: CheckFlags,
  io: Io,
): Promise<{ source: string; report: Report }> {
  const [input] = await expandInputs([arg], io.cwd, flags.locale);
  if (!input) throw new UsageError(`--previous ${arg}: nothing to read`);
  // Isolated like every input: one worker, the heap cap and --file-timeout.
  const { createReader } = await import('./read-pool.ts');
  const reader = createReader(
    { ...DEFAULT_ISOLATION, threads: 1, fileTimeoutMs: flags.fileTimeout * 1000 },
    { locale: flags.locale, fetchLimits: fetchLimitsOf(flags), maxFileBytes: flags.maxBytes },
  );
  try {
    const results = await reader.read(input);
    const found = results.find((r) => r.found);
    if (!found) throw new UsageError(`--previous ${arg}: no report could be read in it`);
    return { source: input.source, report: found.report };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const e = toInputError(error);
    throw new UsageError(`--previous ${arg}: ${e.message} (${e.code})`);
  } finally {
    await reader.close();
  }
}

const fetchLimitsOf = (flags: CheckFlags) => ({
  timeoutMs: flags.timeout,
  maxBytes: flags.maxBytes,
  maxRedirects: flags.maxRedirects,
  allowPrivate: Boolean(flags.allowPrivate),
  locale: flags.locale,
});

async function runCheck(
  args: string[],
  flags: CheckFlags,
  outputs: PlannedOutput[],
  io: Io,
): Promise<number> {
  const listed: string[] = [];
  for (const file of flags.list ?? []) {
    listed.push(
      ...(await readListFile(file === '-' ? file : path.resolve(io.cwd, file), io.readStdin)),
    );
  }
  const all = [...args, ...listed];
  if (all.length === 0)
    throw new UsageError('no input: give files, folders, globs or URLs (or --list <file>)');
  const inputs = await expandInputs(all, io.cwd, flags.locale);
  if (inputs.length === 0)
    throw new UsageError(
      'the folders given contain no .html, .htm, .txt, .docx or .report.json files',
    );
  const suppressions = flags.suppress
    ? await readSuppressions(path.resolve(io.cwd, flags.suppress))
    : [];
  const previous = flags.previous ? await readPrevious(flags.previous, flags, io) : undefined;

  const showBar = flags.progress && Boolean(io.stderr.isTTY) && inputs.length > 1;
  const bar = showBar
    ? new SingleBar(
        {
          stream: io.stderr as NodeJS.WriteStream,
          format: ' {bar} {value}/{total} {source}',
          hideCursor: true,
          clearOnComplete: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(inputs.length, 0, { source: '' });
  let batch: Batch;
  try {
    // The extractor (HTML parser, .docx reader) loads only when there is something to read:
    // --help, --version, rules and schema start without it.
    const { runPipeline } = await import('./pipeline.ts');
    batch = await runPipeline(inputs, {
      locale: flags.locale,
      failOn: flags.failOn,
      concurrency: flags.concurrency,
      isolation: {
        ...DEFAULT_ISOLATION,
        // --threads 0 and 1 both mean one worker: every document is isolated, always.
        threads: Math.max(1, flags.threads ?? defaultThreads()),
        fileTimeoutMs: flags.fileTimeout * 1000,
      },
      fetchLimits: fetchLimitsOf(flags),
      maxFileBytes: flags.maxBytes,
      suppressions,
      ...(previous ? { previous } : {}),
      onRead: (done, _total, source) => bar?.update(done, { source: source.slice(-40) }),
    });
  } finally {
    bar?.stop();
  }
  for (const { target, format } of outputs) {
    const toStdout = target === '-';
    await emit(
      render(batch, format, flags, toStdout && useColor(flags, io)),
      toStdout ? undefined : target,
      io,
    );
  }
  return batch.summary.exitCode;
}

/** Builds the command tree; actions store their exit code in `state`. */
function program(io: Io, state: { code: number }): Command {
  const cmd = new Command('nianbao')
    .description('检查政府信息公开工作年度报告 / Check annual open-government-information reports')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  cmd
    .command('check')
    .description(
      '检查年度报告：文件、文件夹、通配符或网址\ncheck .html/.htm/.txt/.docx files, *.report.json, folders, globs and http(s) URLs',
    )
    .argument('[inputs...]', 'files, folders (recursive), globs or URLs')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'csv', 'html'])
        .default('text'),
    )
    .option(
      '-o, --output <file>',
      'write to a file instead of stdout; repeatable (-o r.json -o r.sarif -o r.html -o -), the extension choosing each format (- = stdout in --format)',
      collect,
    )
    .addOption(
      new Option('-l, --locale <locale>', 'language of messages')
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .option('--previous <file|url>', "last year's report, for the cross-year rules")
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding reaches this level')
        .choices(['error', 'warning', 'never'])
        .default('error'),
    )
    .option('--suppress <file>', 'JSON file of fingerprints to suppress, each with a reason')
    .option(
      '--list <file>',
      "file with one path or URL per line ('-' = stdin); repeatable",
      collect,
    )
    .option('-j, --concurrency <n>', 'inputs read at once', positiveInt, 4)
    .option(
      '--threads <n>',
      'worker threads parsing documents in parallel, each document isolated (default: 2, or 1 on one core; 0 = 1)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new InvalidArgumentError('expected an integer ≥ 0');
        return n;
      },
    )
    .option(
      '--file-timeout <seconds>',
      'time limit of one document on its worker; past it the document is an error (FILE_TIMEOUT)',
      (v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0)
          throw new InvalidArgumentError('expected a number of seconds > 0');
        return n;
      },
      DEFAULT_ISOLATION.fileTimeoutMs / 1000,
    )
    .option(
      '--allow-private',
      'also fetch URLs on loopback, private, link-local and metadata addresses (refused by default)',
    )
    .option(
      '--timeout <ms>',
      'timeout of one URL fetch',
      positiveInt,
      DEFAULT_FETCH_LIMITS.timeoutMs,
    )
    .option(
      '--max-bytes <n>',
      'size limit of one document',
      positiveInt,
      DEFAULT_FETCH_LIMITS.maxBytes,
    )
    .option(
      '--max-redirects <n>',
      'redirects followed per URL',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new InvalidArgumentError('expected an integer ≥ 0');
        return n;
      },
      DEFAULT_FETCH_LIMITS.maxRedirects,
    )
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark (for Excel/WPS)')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing reached --fail-on; 1 something did (an input that could not be read, or
held no readable report, counts as an error);
2 usage error, or no input could be read.

Examples:
  nianbao check reports/                       # a folder of saved portal pages
  nianbao check --list urls.txt -f html -o report.html
  nianbao check reports/ -o 结果.json -o 结果.sarif -o 结果.html -o -   # all at once, text on stdout
  nianbao check 2023.html --previous 2022.html -f json`,
    )
    .action(async (inputs: string[], flags: CheckFlags, command: Command) => {
      const outputs = planOutputs(flags, command.getOptionValueSource('format') !== 'default');
      state.code = await runCheck(inputs, flags, outputs, io);
    });

  cmd
    .command('rules')
    .description('规则目录 / print the rule catalogue')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'),
    )
    .addOption(
      new Option('-l, --locale <locale>', 'language').choices(['zh-CN', 'en']).default('zh-CN'),
    )
    .action((flags: { format: 'md' | 'json'; locale: Locale }) => {
      const catalogue = ruleCatalogue();
      io.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify(catalogue, null, 2)}\n`
          : rulesMarkdown(catalogue, flags.locale),
      );
      state.code = 0;
    });

  cmd
    .command('schema')
    .description(
      'JSON Schema：报告（默认）或检查结果 / print a JSON Schema: of a report (default), or of the output of `check --format json`',
    )
    .addArgument(
      new Argument('[which]', 'report or result').choices(['report', 'result']).default('report'),
    )
    .action((which: 'report' | 'result') => {
      const schema = which === 'result' ? checkOutputSchema : reportJsonSchema;
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      state.code = 0;
    });
  return cmd;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const state = { code: 0 };
  const cmd = program(io, state);
  if (argv.length === 0) {
    cmd.outputHelp();
    return 2;
  }
  try {
    await cmd.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; every other parse error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`nianbao: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`nianbao: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
