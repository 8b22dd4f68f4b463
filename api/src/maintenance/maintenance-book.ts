import type { MaintenanceMarker, MaintenanceWindow, WorkflowEvent } from '@kh02/schemas';

/**
 * Every maintenance window, rebuilt from the event log (planned, approved,
 * rejected, cancelled), and the question the status engine asks: which
 * approved window is open for this system now.
 */
export class MaintenanceBook {
  private readonly windows = new Map<string, MaintenanceWindow>();

  apply(e: WorkflowEvent, seq: number): MaintenanceWindow | undefined {
    const after = e.after as Omit<MaintenanceWindow, 'version'> | null;
    if (!after) return undefined;
    const w: MaintenanceWindow = { ...after, version: seq };
    this.windows.set(e.entity_id, w);
    return w;
  }

  get(id: string): MaintenanceWindow | undefined {
    return this.windows.get(id);
  }

  /** Newest first (by start), optionally for one system or unit. */
  list(filter: { systemId?: string; unitCode?: string; vendorCode?: string } = {}): MaintenanceWindow[] {
    return [...this.windows.values()]
      .filter(
        (w) =>
          (!filter.systemId || w.system_id === filter.systemId) &&
          (!filter.unitCode || w.unit_code === filter.unitCode) &&
          (!filter.vendorCode || w.vendor_code === filter.vendorCode),
      )
      .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
  }

  /** The approved window open at `now` for a system (the one ending last if several overlap). */
  activeFor(systemId: string, now: number): MaintenanceWindow | undefined {
    let best: MaintenanceWindow | undefined;
    for (const w of this.windows.values()) {
      if (w.system_id !== systemId || w.state !== 'approved') continue;
      if (Date.parse(w.starts_at) > now || Date.parse(w.ends_at) <= now) continue;
      if (!best || w.ends_at > best.ends_at) best = w;
    }
    return best;
  }

  /** The tile's marker for a unit: how many of its systems are in an open window and until when. */
  markerFor(unitCode: string, now: number): MaintenanceMarker | undefined {
    const systems = new Map<string, string>();
    for (const w of this.windows.values()) {
      if (w.unit_code !== unitCode) continue;
      const open = this.activeFor(w.system_id, now);
      if (open) systems.set(w.system_id, open.ends_at);
    }
    if (systems.size === 0) return undefined;
    const until = [...systems.values()].sort().at(-1) as string;
    return { until, systems: systems.size };
  }
}
