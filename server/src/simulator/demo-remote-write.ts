import { encodeRemoteWrite, healthSeriesFor } from '@kh02/ingest';
import { PUSH_ROUTES, type HealthSample } from '@kh02/schemas';

/**
 * The demo's Prometheus: health samples as metric-set series (protobuf +
 * snappy), pushed to the remote-write endpoint the way a vendor's Prometheus
 * does, retried on 5xx with the same bytes (stored once).
 */
export async function pushAsPrometheus(
  ingestUrl: string,
  token: string,
  samples: readonly HealthSample[],
): Promise<{ ok: true } | { ok: false; status: number; body: string }> {
  const body = encodeRemoteWrite(
    samples.flatMap((s) =>
      healthSeriesFor(s.system_id, Date.parse(s.observed_at), {
        uptime: s.uptime_pct,
        cpu: s.cpu_pct,
        ram: s.ram_pct,
        netIn: s.net_in_bps,
        netOut: s.net_out_bps,
        ...(s.response_ms === undefined ? {} : { response: s.response_ms / 1000 }),
      }),
    ),
  );
  let last = { status: 0, body: '' };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(`${ingestUrl}${PUSH_ROUTES.prometheus}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-protobuf',
          'content-encoding': 'snappy',
          'x-prometheus-remote-write-version': '0.1.0',
          authorization: `Bearer ${token}`,
        },
        body: new Uint8Array(body),
      });
      if (res.status === 200) return { ok: true };
      last = { status: res.status, body: (await res.text()).slice(0, 500) };
      if (res.status < 500 && res.status !== 429) return { ok: false, ...last };
    } catch (err) {
      last = { status: 0, body: (err as Error).message };
    }
    await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
  }
  return { ok: false, ...last };
}
