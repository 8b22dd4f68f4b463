import {
  addDays,
  type ChildTile,
  type MaintenanceMarker,
  type Reason,
  type StatusChange,
  type TelemetryBatchMessage,
  type Tile,
  type TicketSummary,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { applyMessage, emptyState, type TelemetryState } from './apply.js';
import { thresholdsFor, type StatusConfig } from './config.js';
import { evaluateCommune, type CommuneResult } from './evaluate/commune.js';
import { makeContext, type EvalContext, type WorkingCalendarPort } from './evaluate/context.js';
import { evaluateAgency, evaluateProvince, type SystemInput } from './evaluate/rollup.js';
import { evaluateSystem, type SystemResult } from './evaluate/system.js';
import { duringMaintenance } from './evaluate/maintenance.js';
import { agencyTile, communeTile, fullSignature, provinceTile, systemTile, urgentSignature } from './tile-builders.js';

/** Ticket-driven colour and SLA clocks, provided by the tickets module once it exists. */
export interface TicketStatusPort {
  reasonsFor(unitCode: string, now: number): Reason[];
  summaryFor(unitCode: string, now: number): TicketSummary | null;
}

/** Approved maintenance windows, provided by the maintenance module. */
export interface MaintenancePort {
  activeFor(systemId: string, now: number): { ends_at: string } | undefined;
  markerFor(unitCode: string, now: number): MaintenanceMarker | undefined;
}

export interface EngineChanges {
  /** Top-level tiles whose content changed. */
  tiles: Tile[];
  /** Changed children per top-level unit. */
  children: Map<string, ChildTile[]>;
  /** True when a colour or an explaining indicator changed (emit now, not with the routine batch). */
  urgent: boolean;
  statusChanges: StatusChange[];
}

export interface StatusEngineDeps {
  registry: Registry;
  config: StatusConfig;
  calendar: WorkingCalendarPort;
  now: () => number;
  tickets?: TicketStatusPort;
  maintenance?: MaintenancePort;
}

/**
 * Turns telemetry into a status per unit with its reasons. State is only
 * what the live feed brings (or what ClickHouse rebuilds at start-up); the
 * evaluation is a pure function of that state and the clock.
 */
export class StatusEngine {
  readonly state: TelemetryState = emptyState();
  private readonly tiles = new Map<string, Tile>();
  private readonly children = new Map<string, ChildTile>();
  private readonly signatures = new Map<string, { urgent: string; full: string }>();
  private readonly communeResults = new Map<string, CommuneResult>();
  private readonly systemResults = new Map<string, SystemResult>();
  private readonly dirtyCommunes = new Set<string>();
  private readonly dirtySystems = new Set<string>();
  private readonly dirtyUnits = new Set<string>();
  private readonly listeners: ((c: EngineChanges) => void)[] = [];
  /** Last known status per unit code (seeded from persisted history so a restart logs no false changes). */
  private readonly lastStatus = new Map<string, Tile['status']>();

  constructor(private readonly deps: StatusEngineDeps) {}

  onChanges(listener: (c: EngineChanges) => void): void {
    this.listeners.push(listener);
  }

  seedLastStatuses(entries: Iterable<[string, Tile['status']]>): void {
    for (const [code, status] of entries) this.lastStatus.set(code, status);
  }

  apply(message: TelemetryBatchMessage): void {
    const touched = applyMessage(this.state, message);
    for (const c of touched.communes) this.dirtyCommunes.add(c);
    for (const s of touched.systems) this.dirtySystems.add(s);
  }

  /** Marks a system (and so its unit) for re-evaluation (e.g. its maintenance window was approved). */
  touchSystem(id: string): void {
    this.dirtySystems.add(id);
  }

  /** Marks a unit for re-evaluation (e.g. a ticket changed). */
  touchUnit(code: string): void {
    this.dirtyUnits.add(code);
  }

  /** Re-evaluates what changed since the last call. */
  evaluateDirty(): EngineChanges {
    const { registry } = this.deps;
    const units = new Set(this.dirtyUnits);
    for (const c of this.dirtyCommunes) {
      const p = registry.provinceOf(c);
      if (p) units.add(p);
    }
    for (const s of this.dirtySystems) {
      const owner = registry.system(s)?.unitCode;
      if (owner) units.add(owner);
    }
    const ctx = makeContext(this.deps.now(), this.deps.calendar);
    const changes = this.evaluateUnits(units, ctx, { communes: this.dirtyCommunes, systems: this.dirtySystems });
    this.dirtyCommunes.clear();
    this.dirtySystems.clear();
    this.dirtyUnits.clear();
    return changes;
  }

  /** Re-evaluates everything (time alone can change colours: silence, 08:00 report deadline). */
  evaluateAll(): EngineChanges {
    const { registry } = this.deps;
    const ctx = makeContext(this.deps.now(), this.deps.calendar);
    this.prune(ctx);
    const units = new Set([...registry.provinces.map((p) => p.code), ...registry.agencies.map((a) => a.code)]);
    const changes = this.evaluateUnits(units, ctx, 'all');
    this.dirtyCommunes.clear();
    this.dirtySystems.clear();
    this.dirtyUnits.clear();
    return changes;
  }

  tile(code: string): Tile | undefined {
    return this.tiles.get(code);
  }

  allTiles(): Tile[] {
    const { registry } = this.deps;
    return [...registry.provinces.map((p) => p.code), ...registry.agencies.map((a) => a.code)]
      .map((c) => this.tiles.get(c))
      .filter((t): t is Tile => t !== undefined);
  }

  child(code: string): ChildTile | undefined {
    return this.children.get(code);
  }

  childrenOf(unitCode: string): { communes: ChildTile[]; systems: ChildTile[] } {
    const { registry } = this.deps;
    const communes =
      registry.kindOf(unitCode) === 'province' ? registry.communesOf(unitCode, { includeCentre: true }) : [];
    return {
      communes: communes.map((c) => this.children.get(c.code)).filter((t): t is ChildTile => t !== undefined),
      systems: registry
        .systemsOf(unitCode)
        .map((s) => this.children.get(s.id))
        .filter((t): t is ChildTile => t !== undefined),
    };
  }

  private prune(ctx: EvalContext): void {
    const t = this.deps.config.defaults;
    const keepSamples = ctx.now - Math.max(t.samples.windowMs, t.samples.noreportAfterMs);
    for (const s of this.state.systems.values())
      s.prune(keepSamples, ctx.now - t.alerts.lookbackMs, addDays(ctx.today, -3));
    const keepCountersFrom = ctx.previousWorkingDay < ctx.yesterday ? ctx.previousWorkingDay : ctx.yesterday;
    for (const c of this.state.communes.values()) c.prune(keepCountersFrom);
    this.state.incidents.prune(ctx.now);
  }

  private evaluateUnits(
    units: Set<string>,
    ctx: EvalContext,
    dirty: 'all' | { communes: Set<string>; systems: Set<string> },
  ): EngineChanges {
    const changes: EngineChanges = { tiles: [], children: new Map(), urgent: false, statusChanges: [] };
    for (const code of units) {
      const kind = this.deps.registry.kindOf(code);
      if (kind === 'province') this.evaluateProvince(code, ctx, dirty, changes);
      else if (kind === 'agency') this.evaluateAgency(code, ctx, dirty, changes);
    }
    if (changes.tiles.length > 0 || changes.children.size > 0) for (const l of this.listeners) l(changes);
    return changes;
  }

  private systemInputs(
    unitCode: string,
    ctx: EvalContext,
    dirty: 'all' | { systems: Set<string> },
    changes: EngineChanges,
  ): SystemInput[] {
    return this.deps.registry.systemsOf(unitCode).map((s) => {
      let result = this.systemResults.get(s.id);
      if (!result || dirty === 'all' || dirty.systems.has(s.id)) {
        result = evaluateSystem(
          this.state.systems.get(s.id),
          thresholdsFor(this.deps.config, s.id, unitCode),
          ctx,
          this.state.incidents.forSystem(s.id),
        );
        const window = this.deps.maintenance?.activeFor(s.id, ctx.now);
        if (window) result = duringMaintenance(result, window.ends_at);
        this.systemResults.set(s.id, result);
        this.recordChild(unitCode, systemTile(s, result), ctx, changes);
      }
      return { id: s.id, name: s.name, nameEn: s.nameEn, critical: s.critical, result };
    });
  }

  private evaluateProvince(
    code: string,
    ctx: EvalContext,
    dirty: 'all' | { communes: Set<string>; systems: Set<string> },
    changes: EngineChanges,
  ): void {
    const { registry, config } = this.deps;
    const province = registry.province(code);
    if (!province) return;
    const communes = registry.communesOf(code, { includeCentre: true }).map((c) => {
      let result = this.communeResults.get(c.code);
      if (!result || dirty === 'all' || dirty.communes.has(c.code)) {
        result = evaluateCommune(this.state.communes.get(c.code), thresholdsFor(config, c.code, code), ctx);
        this.communeResults.set(c.code, result);
        this.recordChild(code, communeTile(c, result), ctx, changes);
      }
      return { code: c.code, name: c.name, counters: this.state.communes.get(c.code), result };
    });
    const systems = this.systemInputs(code, ctx, dirty, changes);
    const extra = this.deps.tickets?.reasonsFor(code, ctx.now) ?? [];
    const rollup = evaluateProvince(communes, systems, thresholdsFor(config, code), ctx, extra);
    const tickets = this.deps.tickets?.summaryFor(code, ctx.now) ?? null;
    this.recordTile(
      provinceTile(province, rollup, tickets, this.deps.maintenance?.markerFor(code, ctx.now)),
      ctx,
      changes,
    );
  }

  private evaluateAgency(
    code: string,
    ctx: EvalContext,
    dirty: 'all' | { systems: Set<string> },
    changes: EngineChanges,
  ): void {
    const agency = this.deps.registry.agency(code);
    if (!agency) return;
    const systems = this.systemInputs(code, ctx, dirty, changes);
    const rollup = evaluateAgency(systems, this.deps.tickets?.reasonsFor(code, ctx.now) ?? []);
    const tickets = this.deps.tickets?.summaryFor(code, ctx.now) ?? null;
    this.recordTile(agencyTile(agency, rollup, tickets, this.deps.maintenance?.markerFor(code, ctx.now)), ctx, changes);
  }

  private noteStatus(code: string, t: Tile | ChildTile, ctx: EvalContext, changes: EngineChanges): void {
    const before = this.lastStatus.get(code);
    if (before !== t.status) {
      if (before !== undefined) {
        changes.statusChanges.push({
          at: new Date(ctx.now).toISOString(),
          code,
          from: before,
          to: t.status,
          reasons: t.reasons,
        });
      }
      this.lastStatus.set(code, t.status);
    }
  }

  private changed(code: string, t: Tile | ChildTile): { any: boolean; urgent: boolean } {
    const sig = { urgent: urgentSignature(t), full: fullSignature(t) };
    const prev = this.signatures.get(code);
    this.signatures.set(code, sig);
    return { any: !prev || prev.full !== sig.full, urgent: !prev || prev.urgent !== sig.urgent };
  }

  private recordTile(tile: Tile, ctx: EvalContext, changes: EngineChanges): void {
    this.noteStatus(tile.code, tile, ctx, changes);
    const c = this.changed(tile.code, tile);
    this.tiles.set(tile.code, tile);
    if (!c.any) return;
    changes.tiles.push(tile);
    changes.urgent ||= c.urgent;
  }

  private recordChild(unitCode: string, child: ChildTile, ctx: EvalContext, changes: EngineChanges): void {
    this.noteStatus(child.code, child, ctx, changes);
    const c = this.changed(child.code, child);
    this.children.set(child.code, child);
    if (!c.any) return;
    const list = changes.children.get(unitCode) ?? [];
    list.push(child);
    changes.children.set(unitCode, list);
    changes.urgent ||= c.urgent;
  }
}
