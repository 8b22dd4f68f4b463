/**
 * How hard each fault pushes. `short` runs every fault once with small
 * volumes (CI); `long` (`FAULTS_PROFILE=long`) uses the outage lengths of the
 * issue and anchors §C6 and more load and more kills.
 */
export interface FaultProfile {
  name: 'short' | 'long';
  /** New requests per second during a run (each carries `eventsPerRequest` events). */
  ratePerSec: number;
  concurrency: number;
  eventsPerRequest: number;
  /** Load before a fault is injected, and after it is healed. */
  warmupMs: number;
  cooldownMs: number;
  /** R1: how many times nats-server is killed, and how long it stays dead each time. */
  natsKills: number;
  natsDownMs: number;
  /** R3: how many times the writer is killed mid-batch. */
  writerKills: number;
  /** R4: how long the store stays dead ("60 s" in the issue). */
  storeOutageMs: number;
  /** R5: how many times ingest is killed mid-request. */
  ingestKills: number;
  /** F3: how long the wall's link stays cut (> 120 s forces the snapshot path instead of a replay). */
  wallCutMs: number;
}

const SHORT: FaultProfile = {
  name: 'short',
  ratePerSec: 40,
  concurrency: 8,
  eventsPerRequest: 10,
  warmupMs: 3_000,
  cooldownMs: 3_000,
  natsKills: 1,
  natsDownMs: 5_000,
  writerKills: 1,
  storeOutageMs: 15_000,
  ingestKills: 1,
  wallCutMs: 5_000,
};

const LONG: FaultProfile = {
  name: 'long',
  ratePerSec: 150,
  concurrency: 16,
  eventsPerRequest: 20,
  warmupMs: 15_000,
  cooldownMs: 15_000,
  natsKills: 3,
  natsDownMs: 5_000,
  writerKills: 3,
  storeOutageMs: 60_000,
  ingestKills: 3,
  wallCutMs: 150_000,
};

export const PROFILE: FaultProfile = process.env.FAULTS_PROFILE === 'long' ? LONG : SHORT;
