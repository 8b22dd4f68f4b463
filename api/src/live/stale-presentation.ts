import {
  bilingual,
  type ChildTile,
  type PipelineHealth,
  type Reason,
  type StatusCounts,
  type Tile,
  type UnitStatus,
} from '@kh02/schemas';

export type { PipelineHealth };

export const HEALTHY_PIPELINE: PipelineHealth = {
  lag_ms: 0,
  stale: false,
  data_fresh: false,
  storage: { stalled: false, waiting: 0, stalled_for_ms: 0 },
};

function staleReason(p: PipelineHealth): Reason {
  const seconds = Math.round(p.lag_ms / 1000);
  return {
    indicator: 'pipeline_lag',
    status: 'stale',
    value: p.lag_ms,
    threshold: null,
    comparator: null,
    unit: 'ms',
    since: null,
    message: bilingual(
      `Dữ liệu về Trung tâm đang chậm${seconds > 0 ? ` ${seconds} giây` : ''}; màu hiển thị có thể đã cũ.`,
      `The data feed is behind${seconds > 0 ? ` by ${seconds} s` : ''}; colours shown may be out of date.`,
    ),
  };
}

/** When the feed itself is late, every tile says so instead of showing a colour it cannot vouch for. */
export function presentTile(tile: Tile, p: PipelineHealth): Tile {
  if (!p.stale) return tile;
  return { ...tile, status: 'stale', last_known_status: tile.status, reasons: [staleReason(p), ...tile.reasons] };
}

export function presentChild(child: ChildTile, p: PipelineHealth): ChildTile {
  if (!p.stale) return child;
  return { ...child, status: 'stale', reasons: [staleReason(p), ...child.reasons] };
}

export function countStatuses(tiles: Tile[]): StatusCounts {
  const counts: Record<UnitStatus, number> = { green: 0, yellow: 0, red: 0, noreport: 0, stale: 0 };
  for (const t of tiles) counts[t.status]++;
  return counts;
}

export function newestDataAsOf(tiles: Tile[]): string | null {
  let newest: string | null = null;
  for (const t of tiles) if (t.data_as_of && (!newest || t.data_as_of > newest)) newest = t.data_as_of;
  return newest;
}
