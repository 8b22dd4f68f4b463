import { Counter, Gauge, Histogram, LATENCY_BUCKETS, metric, type MetricsRegistry } from '@kh02/platform';
import type { BusWriter, WriterObserver } from './bus-writer.js';

type WriterView = Pick<BusWriter, 'origin' | 'stats' | 'stalledForMs' | 'isStalled' | 'oldestWaitingMs'>;

/** Re-reads the writers' own counters at every scrape, one series per stream. */
function counterFrom(
  registry: MetricsRegistry,
  name: string,
  help: string,
  read: (w: WriterView) => number,
  writers: () => WriterView[],
) {
  metric(
    registry,
    name,
    () =>
      new Counter({
        name,
        help,
        labelNames: ['stream'],
        registers: [registry],
        collect() {
          this.reset();
          for (const w of writers()) this.inc({ stream: w.origin }, read(w));
        },
      }),
  );
}

function gaugeFrom(
  registry: MetricsRegistry,
  name: string,
  help: string,
  read: (w: WriterView) => number,
  writers: () => WriterView[],
) {
  metric(
    registry,
    name,
    () =>
      new Gauge({
        name,
        help,
        labelNames: ['stream'],
        registers: [registry],
        collect() {
          for (const w of writers()) this.set({ stream: w.origin }, read(w));
        },
      }),
  );
}

/** Progress, backlog, lag and stalls of the writers running in this process, on its /metrics. */
export function registerWriterMetrics(registry: MetricsRegistry, list: WriterView[]): void {
  const writers = () => list;
  counterFrom(
    registry,
    'kh02_writer_rows_written_total',
    'Rows inserted into ClickHouse',
    (w) => w.stats.rowsWritten,
    writers,
  );
  counterFrom(
    registry,
    'kh02_writer_messages_acked_total',
    'Bus messages acknowledged after storing',
    (w) => w.stats.messagesAcked,
    writers,
  );
  counterFrom(
    registry,
    'kh02_writer_dead_lettered_total',
    'Messages sent to the dead-letter stream',
    (w) => w.stats.deadLettered,
    writers,
  );
  counterFrom(
    registry,
    'kh02_writer_duplicates_skipped_total',
    'Rows already stored, not inserted again',
    (w) => w.stats.duplicatesSkipped,
    writers,
  );
  gaugeFrom(registry, 'kh02_writer_buffered_rows', 'Rows waiting in the writer', (w) => w.stats.bufferedRows, writers);
  gaugeFrom(
    registry,
    'kh02_writer_consecutive_retries',
    'Failed store attempts in a row',
    (w) => w.stats.retries,
    writers,
  );
  gaugeFrom(
    registry,
    'kh02_writer_stalled',
    '1 while messages wait and nothing is stored for the stall threshold',
    (w) => (w.isStalled() ? 1 : 0),
    writers,
  );
  gaugeFrom(
    registry,
    'kh02_writer_stalled_seconds',
    'How long messages have waited with nothing stored',
    (w) => w.stalledForMs() / 1000,
    writers,
  );
  gaugeFrom(
    registry,
    'kh02_writer_lag_seconds',
    'Age of the oldest message the writer holds (bus publish → now)',
    (w) => w.oldestWaitingMs() / 1000,
    writers,
  );
}

/** Batch sizes and insert latencies, observed by the writers as they flush. */
export function writerObserver(registry: MetricsRegistry, stream: string): WriterObserver {
  const rows = metric(
    registry,
    'kh02_writer_batch_rows',
    () =>
      new Histogram({
        name: 'kh02_writer_batch_rows',
        help: 'Rows per ClickHouse insert',
        labelNames: ['stream'],
        buckets: [1, 10, 100, 1_000, 5_000, 10_000, 50_000, 100_000],
        registers: [registry],
      }),
  );
  const seconds = metric(
    registry,
    'kh02_writer_insert_seconds',
    () =>
      new Histogram({
        name: 'kh02_writer_insert_seconds',
        help: 'One ClickHouse insert (the retries of a failing one included)',
        labelNames: ['stream'],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  );
  return {
    inserted: (n, s) => {
      rows.observe({ stream }, n);
      seconds.observe({ stream }, s);
    },
  };
}
