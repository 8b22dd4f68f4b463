export * from '../scenarios/index.js';
export { runIngestScenario, type IngestRunOptions, type IngestRunResult } from './runner/run-ingest.js';
export { runWallFanout, type FanoutOptions, type FanoutResult } from './fanout/wall-fanout.js';
export { TileProbe, type TileProbeResult } from './probe/tile-probe.js';
export { writeLoadKeys } from './keys/load-keys.js';
