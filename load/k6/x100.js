// k6 run -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json [-e INGEST_URL=http://127.0.0.1:8080] [-e SCALE=0.1] [-e DURATION=30s] load/k6/x100.js
// Scenario "x100" of load/scenarios/definitions.js — the Node runner: npm run load -w @kh02/load -- x100
import { ingestIteration, ingestOptions, ingestSetup } from './lib/ingest.js';

export const options = ingestOptions('x100');
export const setup = ingestSetup;
export default ingestIteration('x100');
