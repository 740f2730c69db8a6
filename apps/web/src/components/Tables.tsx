import {
  describeCell,
  FORMATS,
  type Format,
  type GridTableTemplate,
  getCell,
  getPath,
  type HeaderCell,
  type Label,
  type Locale,
  type Provenance,
  type Report,
  type RowTemplate,
  SECTIONS,
} from '@nianbao/schema';
import { memo, type ReactNode, useRef } from 'react';
import { pick, useUi } from '../i18n/context.tsx';
import { type Direction, gridsOf } from '../lib/grid.ts';
import { typedTextOf } from '../state/typed-cells.ts';
import { CellInput } from './CellInput.tsx';
import type { FieldFlag } from './flags.ts';

export interface TableProps {
  report: Report;
  provenance: Provenance | undefined;
  flags: Map<string, FieldFlag>;
  onCommit(path: string, value: number | null, raw: string): void;
  /** Text that is not a number typed into a cell: kept as typed. */
  onText?(path: string, text: string): void;
  onPasteBlock(path: string, text: string): boolean;
  onMove(path: string, direction: Direction): void;
  onFillBlanks(table: 'activeDisclosure' | 'applications' | 'appeals'): void;
}

const labelCache = new Map<string, string>();

/** A cell's accessible name: its row and column labels as the schema names them. */
function cellLabel(format: Format, path: string, locale: Locale): string {
  const key = `${format}|${locale}|${path}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    label = describeCell(format, path, locale);
    labelCache.set(key, label);
  }
  return label;
}

/** The latest table props, read by memoised rows that re-render only when their own cells change. */
type Live = { current: TableProps };

/** Everything a row's cells show, as one string: the row re-renders only when it changes. */
function stampOf(props: TableProps, paths: readonly string[]): string {
  return paths
    .map((p) => {
      const f = props.flags.get(p);
      return `${getCell(props.report, p)}\u0002${props.provenance?.cells[p]?.raw ?? ''}\u0002${typedTextOf(props.provenance, p) ?? ''}\u0002${f?.severity ?? ''}\u0002${f?.message ?? ''}`;
    })
    .join('\u0001');
}

function useLive(props: TableProps): Live {
  const live = useRef(props);
  live.current = props;
  return live;
}

function Cell({ path, live }: { path: string; live: Live }) {
  const { locale } = useUi();
  const props = live.current;
  const { report, provenance, flags } = props;
  const flag = flags.get(path);
  return (
    <CellInput
      path={path}
      value={getCell(report, path)}
      raw={provenance?.cells[path]?.raw}
      typed={typedTextOf(provenance, path)}
      label={cellLabel(report.format, path, locale)}
      severity={flag?.severity}
      message={flag?.message}
      onCommit={props.onCommit}
      onText={props.onText}
      onPasteBlock={props.onPasteBlock}
      onMove={props.onMove}
    />
  );
}

const HeaderRow = memo(function HeaderRow({
  cells,
  locale,
}: {
  cells: HeaderCell[];
  locale: Locale;
}) {
  return (
    <tr>
      {cells.map((c, i) => (
        <th
          // biome-ignore lint/suspicious/noArrayIndexKey: header cells are fixed template data
          key={i}
          scope={c.colspan && c.colspan > 1 ? 'colgroup' : 'col'}
          colSpan={c.colspan}
          rowSpan={c.rowspan}
        >
          {pick(c.label, locale)}
        </th>
      ))}
    </tr>
  );
});

/** Marks a whole-table finding (e.g. "table not found") on the table's heading. */
function TableHeading({
  id,
  number,
  props,
}: {
  id: 'activeDisclosure' | 'applications' | 'appeals';
  number: number;
  props: TableProps;
}) {
  const { locale, t } = useUi();
  const flag = props.flags.get(id);
  const absent = getPath(props.report, id) === undefined;
  return (
    <>
      <h2 id={`table-${id}`} tabIndex={-1} data-table={id}>
        {pick(SECTIONS[number - 1]!.heading, locale)}
      </h2>
      <p className="table-tools">
        <button
          type="button"
          data-fill-blanks={id}
          title={t.fillBlanksHint}
          onClick={() => props.onFillBlanks(id)}
        >
          {t.fillBlanks}
        </button>
      </p>
      {flag && (
        <p className={`table-flag flag-${flag.severity}`} role="note">
          {flag.message}
        </p>
      )}
      {absent && (
        <p className="table-absent" role="note">
          {t.tableNotFound}
        </p>
      )}
    </>
  );
}

interface DisclosureRowProps {
  row: RowTemplate;
  spans: (number | undefined)[];
  stamp: string;
  live: Live;
}

const DisclosureRow = memo(function DisclosureRow({ row, spans, live }: DisclosureRowProps) {
  const { locale } = useUi();
  return (
    <tr>
      <th scope="row" className="row-label">
        {pick(row.label, locale)}
      </th>
      {row.cells.map((path, i) => (
        <td key={path} colSpan={spans[i]}>
          <Cell path={path} live={live} />
        </td>
      ))}
    </tr>
  );
});

/** Table 二: one table of `第二十条第（…）项` blocks, each with its caption row and header row. */
export function DisclosureTable(props: TableProps) {
  const { locale } = useUi();
  const live = useLive(props);
  const t = FORMATS[props.report.format].activeDisclosure;
  const width = Math.max(...t.subTables.map((s) => s.columns.length));
  return (
    <section className="table-block" aria-labelledby="table-activeDisclosure">
      <TableHeading id="activeDisclosure" number={2} props={props} />
      <div className="table-scroll">
        <table className="official t2">
          <tbody>
            {t.subTables.map((st) => {
              // Narrower blocks stretch their last column, as the official table does.
              const spans = st.columns.map((_, i) =>
                i === st.columns.length - 1 ? width - st.columns.length + 1 : undefined,
              );
              return [
                <tr key={`${st.id}-caption`} className="subcaption">
                  <th colSpan={width + 1} scope="colgroup">
                    {pick(st.caption, locale)}
                  </th>
                </tr>,
                <tr key={`${st.id}-header`}>
                  <th scope="col">{pick(st.rowHeader, locale)}</th>
                  {st.columns.map((c, i) => (
                    <th key={c.key} scope="col" colSpan={spans[i]}>
                      {pick(c.label, locale)}
                    </th>
                  ))}
                </tr>,
                ...st.rows.map((row) => (
                  <DisclosureRow
                    key={row.path}
                    row={row}
                    spans={spans}
                    stamp={stampOf(props, row.cells)}
                    live={live}
                  />
                )),
              ];
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const LABEL_COLUMNS = 3;

/** The group-label cells (with rowspan) that open a row of table 三. */
function groupCells(rows: RowTemplate[], index: number, locale: Locale): ReactNode[] {
  const row = rows[index]!;
  const same = (a: Label[], b: Label[], depth: number) =>
    a.length > depth &&
    b.length > depth &&
    a.slice(0, depth + 1).every((g, i) => g.zh === b[i]?.zh);
  const out: ReactNode[] = [];
  row.groups.forEach((group, depth) => {
    const prev = rows[index - 1];
    if (prev && same(prev.groups, row.groups, depth)) return; // covered by a rowspan above
    let span = 1;
    while (rows[index + span] && same(rows[index + span]!.groups, row.groups, depth)) span++;
    out.push(
      <th key={group.zh} scope="rowgroup" rowSpan={span} className="group-label">
        {pick(group, locale)}
      </th>,
    );
  });
  return out;
}

interface ApplicationRowProps {
  rows: RowTemplate[];
  index: number;
  stamp: string;
  live: Live;
}

const ApplicationRow = memo(function ApplicationRow({ rows, index, live }: ApplicationRowProps) {
  const { locale } = useUi();
  const row = rows[index]!;
  return (
    <tr>
      {groupCells(rows, index, locale)}
      <th scope="row" className="row-label" colSpan={LABEL_COLUMNS - row.groups.length}>
        {pick(row.label, locale)}
      </th>
      {row.cells.map((path) => (
        <td key={path}>
          <Cell path={path} live={live} />
        </td>
      ))}
    </tr>
  );
});

/** Table 三 in the official layout: the 勾稽 statement and merged headers, group labels with rowspan. */
export function ApplicationsTable(props: TableProps) {
  const { locale } = useUi();
  const live = useLive(props);
  const t = FORMATS[props.report.format].applications;
  return (
    <GridTableShell
      id="applications"
      number={3}
      className="t3"
      table={t}
      props={props}
      locale={locale}
    >
      {t.rows.map((row, i) => (
        <ApplicationRow
          key={row.path}
          rows={t.rows}
          index={i}
          stamp={stampOf(props, row.cells)}
          live={live}
        />
      ))}
    </GridTableShell>
  );
}

/** The frame tables 三 and 四 share: heading, scroll box and the template's merged header rows. */
function GridTableShell({
  id,
  number,
  className,
  table,
  props,
  locale,
  children,
}: {
  id: 'applications' | 'appeals';
  number: 3 | 4;
  className: string;
  table: GridTableTemplate;
  props: TableProps;
  locale: Locale;
  children: ReactNode;
}) {
  return (
    <section className="table-block" aria-labelledby={`table-${id}`}>
      <TableHeading id={id} number={number} props={props} />
      <div className="table-scroll">
        <table className={`official ${className}`}>
          <thead>
            {table.header.map((cells) => (
              <HeaderRow
                key={cells.map((c) => c.label.zh).join('|')}
                cells={cells}
                locale={locale}
              />
            ))}
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}

const AppealsRow = memo(function AppealsRow({
  paths,
  live,
}: {
  paths: string[];
  stamp: string;
  live: Live;
}) {
  return (
    <tr>
      {paths.map((path) => (
        <td key={path}>
          <Cell path={path} live={live} />
        </td>
      ))}
    </tr>
  );
});

/** Table 四: three header rows and one unlabelled data row of 15 cells, as printed. */
export function AppealsTable(props: TableProps) {
  const { locale } = useUi();
  const live = useLive(props);
  const t = FORMATS[props.report.format].appeals;
  const paths = gridsOf(props.report.format).tables.appeals[0]!;
  return (
    <GridTableShell id="appeals" number={4} className="t4" table={t} props={props} locale={locale}>
      <AppealsRow paths={paths} stamp={stampOf(props, paths)} live={live} />
    </GridTableShell>
  );
}
