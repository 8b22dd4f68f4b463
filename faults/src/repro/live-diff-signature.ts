import type { Reason, Tile } from '@kh02/schemas';
import { fullSignature } from '../../../api/src/status/tile-builders.js';

/**
 * Minimal reproduction of the F3 divergence (faults/README.md, "Findings"):
 * the status engine decides whether a tile "changed" (and so whether a live
 * diff is sent) from `fullSignature`, which ignores the reasons' text and
 * `data_as_of`. A province tile whose rolled-up reason says "Uptime 96.8 %"
 * and later "Uptime 97.0 %" (value null: the number lives in the text) is
 * updated in the engine, but no diff goes out — a wall that stays connected
 * keeps the old text while a wall that (re)loads gets the new one, at the
 * same sequence number.
 *
 *   npx tsx faults/src/repro/live-diff-signature.ts
 */
const reason = (uptime: string): Reason => ({
  indicator: 'system_status',
  status: 'yellow',
  value: null,
  threshold: null,
  comparator: null,
  unit: null,
  since: null,
  source: { code: 'p19.qlvb', name: 'Hệ thống quản lý văn bản' },
  message: { vi: `Uptime ${uptime} %, dưới ngưỡng 98,0 %.`, en: `Uptime ${uptime} %, below 98.0 %.` },
});

const tile = (uptime: string, dataAsOf: string): Tile => ({
  code: '19',
  kind: 'province',
  name: 'Thái Nguyên',
  name_en: 'Thai Nguyen',
  block: null,
  status: 'yellow',
  last_known_status: null,
  status_since: null,
  reasons: [reason(uptime)],
  headline: {
    received_today: null,
    online_rate: null,
    on_time_rate: null,
    volume_change_pct: null,
    communes_total: null,
    communes_red: null,
    communes_noreport: null,
    systems_total: 3,
    systems_red: 0,
    systems_noreport: 0,
    min_uptime_pct: 96.8,
  },
  tickets: null,
  data_as_of: dataAsOf,
});

const before = tile('96,8', '2026-11-23T11:08:57.580Z');
const after = { ...tile('97,0', '2026-11-23T11:08:58.229Z'), headline: before.headline };
process.stdout.write(
  `${JSON.stringify({
    textsDiffer: JSON.stringify(before.reasons) !== JSON.stringify(after.reasons),
    dataAsOfDiffers: before.data_as_of !== after.data_as_of,
    signaturesEqual_soNoDiffIsSent: fullSignature(before) === fullSignature(after),
  })}\n`,
);
