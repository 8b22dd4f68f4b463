// k6 run -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json [-e INGEST_URL=http://127.0.0.1:8080] [-e SCALE=0.1] [-e DURATION=30s] load/k6/steady-day.js
// Scenario "steady-day" of load/scenarios/definitions.js — the Node runner: npm run load -w @kh02/load -- steady-day
import { ingestIteration, ingestOptions, ingestSetup } from './lib/ingest.js';

export const options = ingestOptions('steady-day');
export const setup = ingestSetup;
export default ingestIteration('steady-day');
