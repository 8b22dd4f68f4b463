import type { LatencyRecorder } from './latency-recorder.js';

/** The metric kinds k6 thresholds are written against, as the Node runner measures them. */
export type MetricValue =
  | { type: 'trend'; recorder: LatencyRecorder }
  | { type: 'rate'; passes: number; total: number }
  | { type: 'counter'; count: number }
  | { type: 'gauge'; value: number };

export interface ThresholdVerdict {
  metric: string;
  expression: string;
  observed: number;
  ok: boolean;
}

const EXPRESSION =
  /^\s*(p\(\d+(?:\.\d+)?\)|avg|med|min|max|rate|count|value)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

function aggregate(stat: string, metric: MetricValue): number {
  if (metric.type === 'rate') return metric.total === 0 ? 0 : metric.passes / metric.total;
  if (metric.type === 'counter') return metric.count;
  if (metric.type === 'gauge') return metric.value;
  const r = metric.recorder;
  if (stat.startsWith('p(')) return r.percentile(Number(stat.slice(2, -1)));
  if (stat === 'med') return r.percentile(50);
  if (stat === 'max') return r.percentile(100);
  if (stat === 'min') return r.percentile(0);
  return r.summary().avg;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
}

/**
 * Evaluates the scenario's k6 threshold expressions (`p(99)<50`, `rate==0`,
 * `count==0`) against the runner's own measurements, so both tools pass or
 * fail a scenario by the same written rule.
 */
export function evaluateThresholds(
  thresholds: Record<string, string[]>,
  metrics: Record<string, MetricValue>,
): ThresholdVerdict[] {
  const verdicts: ThresholdVerdict[] = [];
  for (const [metric, expressions] of Object.entries(thresholds)) {
    const value = metrics[metric];
    for (const expression of expressions) {
      const m = EXPRESSION.exec(expression);
      if (!m?.[1] || !m[2] || !m[3]) throw new Error(`unsupported threshold expression ${metric}: ${expression}`);
      const observed = value ? aggregate(m[1], value) : Number.NaN;
      verdicts.push({ metric, expression, observed, ok: value !== undefined && compare(observed, m[2], Number(m[3])) });
    }
  }
  return verdicts;
}
