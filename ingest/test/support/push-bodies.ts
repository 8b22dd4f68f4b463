import { compress } from 'snappyjs';
import { VNPT_SYSTEM } from '@kh02/testkit';
import { WriteRequestType } from '../../src/protocols/wire-schemas.js';

export interface SeriesSpec {
  name: string;
  labels?: Record<string, string>;
  samples: { value: number; timestamp: number }[];
}

/** A remote-write 1.0 body exactly as Prometheus sends it: protobuf WriteRequest, snappy block compression. */
export function remoteWriteBody(series: SeriesSpec[]): Buffer {
  const message = WriteRequestType.fromObject({
    timeseries: series.map((s) => ({
      labels: [
        { name: '__name__', value: s.name },
        ...Object.entries(s.labels ?? {}).map(([name, value]) => ({ name, value })),
      ],
      samples: s.samples,
    })),
  });
  return Buffer.from(compress(WriteRequestType.encode(message).finish()));
}

/** The five series a complete health sample needs (plus response time), for one system at one instant. */
export function healthSeries(
  timestamp: number,
  values: Partial<Record<'up' | 'cpu' | 'ram' | 'rx' | 'tx' | 'resp', number>> = {},
  labels: Record<string, string> = { kh02_system_id: VNPT_SYSTEM.id },
): SeriesSpec[] {
  const v = { up: 1, cpu: 42.5, ram: 61, rx: 12e6, tx: 8e6, resp: 0.18, ...values };
  const one = (name: string, value: number) => ({ name, labels, samples: [{ value, timestamp }] });
  return [
    one('up', v.up),
    one('kh02_cpu_percent', v.cpu),
    one('kh02_memory_percent', v.ram),
    one('kh02_network_receive_bits_per_second', v.rx),
    one('kh02_network_transmit_bits_per_second', v.tx),
    one('kh02_response_time_seconds', v.resp),
  ];
}
