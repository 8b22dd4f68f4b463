import type { BusWriter } from './bus-writer.js';

/** Prometheus lines for writers running in this process: progress, retries, dead letters, backlog. */
export function writerMetrics(
  writers: { origin: string; stats: BusWriter['stats']; stalledForMs(): number; isStalled(): boolean }[],
): string {
  const lines: string[] = [];
  for (const w of writers) {
    const l = `{stream="${w.origin}"}`;
    lines.push(
      `kh02_writer_rows_written_total${l} ${w.stats.rowsWritten}`,
      `kh02_writer_messages_acked_total${l} ${w.stats.messagesAcked}`,
      `kh02_writer_dead_lettered_total${l} ${w.stats.deadLettered}`,
      `kh02_writer_duplicates_skipped_total${l} ${w.stats.duplicatesSkipped}`,
      `kh02_writer_buffered_rows${l} ${w.stats.bufferedRows}`,
      `kh02_writer_consecutive_retries${l} ${w.stats.retries}`,
      `kh02_writer_stalled${l} ${w.isStalled() ? 1 : 0}`,
      `kh02_writer_stalled_seconds${l} ${(w.stalledForMs() / 1000).toFixed(1)}`,
    );
  }
  return lines.join('\n') + '\n';
}
