// @ts-check
// Payload generators shared by k6 and the Node runner. Bodies are built as strings from
// fixed-format fields (codes, numbers, ISO times need no escaping): at 100k events/s the
// generator must cost far less than the system it measures.
import { COUNTER_SOURCES, SYSTEM_SOURCES } from './sources.js';
import { interleave, pickStream } from './interleave.js';

/**
 * @typedef {object} IngestRequest
 * @property {'counter_report' | 'health_sample' | 'health_report'} kind
 * @property {string} path            ingest route
 * @property {string} keyId           demo/load key id whose token signs the request
 * @property {string} idempotencyKey
 * @property {string} body
 * @property {number} events          events in the body
 * @typedef {(i: number, nowMs: number) => IngestRequest} RequestFactory
 * @typedef {{ runId: string, excludeUnits?: readonly string[] }} FactoryOptions
 */

export const ROUTES = {
  counter_report: '/v1/counter-reports',
  health_sample: '/v1/health-samples',
  health_report: '/v1/health-reports',
};

/** @param {string} province */
export const counterKeyId = (province) => `counter-p${province}`;
/** @param {string} vendor */
export const vendorKeyId = (vendor) => `vendor-${vendor.toLowerCase()}`;

/**
 * A cumulative counter report that keeps the commune green (online 90 %, on time 100 %).
 * @param {string} eventId @param {string} unit @param {string} at @param {number} k
 */
function counterJson(eventId, unit, at, k) {
  const received = 40 + ((k * 37) % 400);
  const processed = Math.floor(received * 0.8);
  return `{"event_id":"${eventId}","unit_code":"${unit}","interval_end":"${at}","received":${received},"received_online":${Math.floor(received * 0.9)},"processed":${processed},"on_time":${processed},"late":0}`;
}

/**
 * A healthy system sample (CPU 15–64 %, RAM 30–74 %, uptime ≥ 99.9 %).
 * @param {string} eventId @param {string} vendor @param {string} system @param {string} unit @param {string} at @param {number} k
 */
function sampleJson(eventId, vendor, system, unit, at, k) {
  return `{"event_id":"${eventId}","vendor":"${vendor}","system_id":"${system}","unit_code":"${unit}","observed_at":"${at}","uptime_pct":${99.9 + (k % 10) / 100},"cpu_pct":${15 + ((k * 13) % 50)},"ram_pct":${30 + ((k * 7) % 45)},"net_in_bps":${20_000_000 + (k % 1000) * 1000},"net_out_bps":${10_000_000 + (k % 500) * 1000},"response_ms":${120 + ((k * 17) % 300)}}`;
}

/** @param {readonly string[]} exclude */
function counterGroups(exclude) {
  const skip = new Set(exclude);
  return COUNTER_SOURCES.map(([province, , codes]) => ({ province, units: codes.filter((c) => !skip.has(c)) })).filter(
    (g) => g.units.length > 0,
  );
}

function systemGroups() {
  return SYSTEM_SOURCES.map(([vendor, systems]) => ({ vendor, systems })).filter((g) => g.systems.length > 0);
}

/**
 * @param {import('./definitions.js').MixEntry} entry @param {number} streamIndex @param {FactoryOptions} opts
 * @returns {(k: number, nowMs: number) => IngestRequest}
 */
function counterStream(entry, streamIndex, opts) {
  const groups = counterGroups(opts.excludeUnits ?? []);
  const flat = groups.flatMap((g) => g.units.map((unit) => ({ unit, keyId: counterKeyId(g.province) })));
  const tag = `${opts.runId}.c${streamIndex}-`;
  if (entry.batch === 1) {
    return (k, nowMs) => {
      const src = flat[k % flat.length] ?? { unit: '', keyId: '' };
      const id = `${tag}${k}`;
      const body = counterJson(id, src.unit, new Date(nowMs).toISOString(), k);
      return {
        kind: 'counter_report',
        path: ROUTES.counter_report,
        keyId: src.keyId,
        idempotencyKey: id,
        body,
        events: 1,
      };
    };
  }
  // A batch must stay inside one key's scope: one province per request, provinces in rotation.
  return (k, nowMs) => {
    const group = groups[k % groups.length] ?? { province: '', units: [''] };
    const at = new Date(nowMs).toISOString();
    const base = Math.floor(k / groups.length) * entry.batch;
    const parts = [];
    for (let e = 0; e < entry.batch; e++) {
      const unit = group.units[(base + e) % group.units.length] ?? '';
      parts.push(counterJson(`${tag}${k}-${e}`, unit, at, k + e));
    }
    const body = `{"events":[${parts.join(',')}]}`;
    const keyId = counterKeyId(group.province);
    return {
      kind: 'counter_report',
      path: ROUTES.counter_report,
      keyId,
      idempotencyKey: `${tag}${k}`,
      body,
      events: entry.batch,
    };
  };
}

/**
 * @param {import('./definitions.js').MixEntry} entry @param {number} streamIndex @param {FactoryOptions} opts
 * @returns {(k: number, nowMs: number) => IngestRequest}
 */
function sampleStream(entry, streamIndex, opts) {
  const groups = systemGroups();
  const flat = groups.flatMap((g) => g.systems.map(([system, unit]) => ({ vendor: g.vendor, system, unit })));
  const tag = `${opts.runId}.h${streamIndex}-`;
  if (entry.batch === 1) {
    return (k, nowMs) => {
      const s = flat[k % flat.length] ?? { vendor: '', system: '', unit: '' };
      const id = `${tag}${k}`;
      const body = sampleJson(id, s.vendor, s.system, s.unit, new Date(nowMs).toISOString(), k);
      return {
        kind: 'health_sample',
        path: ROUTES.health_sample,
        keyId: vendorKeyId(s.vendor),
        idempotencyKey: id,
        body,
        events: 1,
      };
    };
  }
  // One vendor per request (its key may only report its own systems), vendors in rotation.
  return (k, nowMs) => {
    const group = groups[k % groups.length] ?? { vendor: '', systems: [] };
    const at = new Date(nowMs).toISOString();
    const base = Math.floor(k / groups.length) * entry.batch;
    const parts = [];
    for (let e = 0; e < entry.batch; e++) {
      const [system, unit] = group.systems[(base + e) % group.systems.length] ?? ['', ''];
      parts.push(sampleJson(`${tag}${k}-${e}`, group.vendor, system, unit, at, k + e));
    }
    const body = `{"events":[${parts.join(',')}]}`;
    const keyId = vendorKeyId(group.vendor);
    return {
      kind: 'health_sample',
      path: ROUTES.health_sample,
      keyId,
      idempotencyKey: `${tag}${k}`,
      body,
      events: entry.batch,
    };
  };
}

/**
 * The request for iteration `i` of a scenario's mix. Deterministic: the same
 * iteration always targets the same source, so k6 (exec.scenario.iterationInTest)
 * and the Node runner (its own counter) send the same traffic.
 * @param {import('./definitions.js').MixEntry[]} mix
 * @param {FactoryOptions} opts  runId prefixes every event id (≥ 4 chars, [A-Za-z0-9])
 * @returns {RequestFactory}
 */
export function createRequestFactory(mix, opts) {
  if (!/^[A-Za-z0-9]{4,24}$/.test(opts.runId)) throw new Error(`runId must be 4–24 letters/digits, got ${opts.runId}`);
  const table = interleave(mix.map((m) => m.weight));
  const streams = mix.map((entry, j) =>
    entry.kind === 'counter_report' ? counterStream(entry, j, opts) : sampleStream(entry, j, opts),
  );
  return (i, nowMs) => {
    const { stream, k } = pickStream(table, i);
    const build = streams[stream];
    if (!build) throw new Error(`no stream ${stream}`);
    return build(k, nowMs);
  };
}

/** @param {string} province */
export function probeUnitOf(province) {
  const entry = COUNTER_SOURCES.find(([p]) => p === province);
  if (!entry) throw new Error(`unknown province ${province}`);
  return entry[1];
}

/**
 * The province's TTHC system (critical, so its red makes the province red) and its vendor.
 * @param {string} province
 */
export function probeSystemOf(province) {
  const id = `p${province}.tthc`;
  for (const [vendor, list] of SYSTEM_SOURCES) if (list.some(([s]) => s === id)) return { id, vendor };
  throw new Error(`no TTHC system for province ${province}`);
}

/**
 * Yesterday's daily health report for the province's TTHC system, with an
 * uptime that makes it red (50 %) or clears it (100 %). Systems are watched
 * 24/7 and the latest report for a day wins, so alternating these flips the
 * province tile on every post at any hour (a counter probe could not: outside
 * working hours counters describe the last working day).
 * @param {{ province: string, red: boolean, seq: number, nowMs: number, runId: string }} p
 * @returns {IngestRequest}
 */
export function tileProbeRequest(p) {
  const id = `${p.runId}.t${p.province}-${p.seq}`;
  const { id: system, vendor } = probeSystemOf(p.province);
  const day = new Date(p.nowMs + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const peak = `{"at":"${day}T05:00:00.000Z","cpu_pct":40,"ram_pct":40,"net_in_bps":1000000,"net_out_bps":1000000}`;
  const body = `{"event_id":"${id}","vendor":"${vendor}","system_id":"${system}","unit_code":"${p.province}","report_date":"${day}","uptime_pct":${p.red ? 50 : 100},"peaks":[${peak}]}`;
  return {
    kind: 'health_report',
    path: ROUTES.health_report,
    keyId: vendorKeyId(vendor),
    idempotencyKey: id,
    body,
    events: 1,
  };
}
