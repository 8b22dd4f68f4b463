/*
 * Just the parts of Grafana's dashboard JSON model these dashboards use,
 * with the ClickHouse data source plugin's query shape (grafana-clickhouse-datasource v4:
 * format 0 = time series, 1 = table; editorType "sql").
 */

export const DATASOURCE = { type: 'grafana-clickhouse-datasource', uid: 'kh02-clickhouse' } as const;

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SqlTarget {
  refId: string;
  datasource: typeof DATASOURCE;
  editorType: 'sql';
  format: 0 | 1;
  queryType: 'timeseries' | 'table';
  rawSql: string;
}

export interface Panel {
  id: number;
  type: 'timeseries' | 'table' | 'stat' | 'bargauge';
  title: string;
  description: string;
  datasource: typeof DATASOURCE;
  gridPos: GridPos;
  targets: SqlTarget[];
  fieldConfig: { defaults: Record<string, unknown>; overrides: unknown[] };
  options: Record<string, unknown>;
}

export interface Dashboard {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  timezone: string;
  editable: boolean;
  graphTooltip: number;
  refresh: string;
  schemaVersion: number;
  version: number;
  time: { from: string; to: string };
  templating: { list: unknown[] };
  annotations: { list: unknown[] };
  panels: Panel[];
}

export interface PanelSpec {
  type: Panel['type'];
  title: string;
  description: string;
  sql: string;
  gridPos: GridPos;
  unit?: string;
  /** Red below / above a value, for rates and SLA counts. */
  thresholds?: Array<{ color: string; value: number | null }>;
  options?: Record<string, unknown>;
}

/** Collapses the indentation of a template literal so the stored SQL reads cleanly. */
export function sql(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function panel(id: number, spec: PanelSpec): Panel {
  const timeseries = spec.type === 'timeseries';
  return {
    id,
    type: spec.type,
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: spec.gridPos,
    targets: [
      {
        refId: 'A',
        datasource: DATASOURCE,
        editorType: 'sql',
        format: timeseries ? 0 : 1,
        queryType: timeseries ? 'timeseries' : 'table',
        rawSql: spec.sql,
      },
    ],
    fieldConfig: {
      defaults: {
        ...(spec.unit ? { unit: spec.unit } : {}),
        ...(spec.thresholds ? { thresholds: { mode: 'absolute', steps: spec.thresholds } } : {}),
      },
      overrides: [],
    },
    options:
      spec.options ?? (timeseries ? { legend: { displayMode: 'table', placement: 'bottom' } } : { showHeader: true }),
  };
}

export function dashboard(d: {
  uid: string;
  title: string;
  description: string;
  from: string;
  panels: PanelSpec[];
}): Dashboard {
  return {
    uid: d.uid,
    title: d.title,
    description: d.description,
    tags: ['kh02'],
    // Vietnam time on every axis and in every "now", whatever the viewer's browser says.
    timezone: 'Asia/Ho_Chi_Minh',
    editable: false,
    graphTooltip: 1,
    refresh: '1m',
    schemaVersion: 39,
    version: 1,
    time: { from: d.from, to: 'now' },
    templating: { list: [] },
    annotations: { list: [] },
    panels: d.panels.map((p, i) => panel(i + 1, p)),
  };
}
