// k6 run -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json [-e INGEST_URL=http://127.0.0.1:8080] [-e SCALE=0.1] [-e DURATION=30s] load/k6/x10.js
// Scenario "x10" of load/scenarios/definitions.js — the Node runner: npm run load -w @kh02/load -- x10
import { ingestIteration, ingestOptions, ingestSetup } from './lib/ingest.js';

export const options = ingestOptions('x10');
export const setup = ingestSetup;
export default ingestIteration('x10');
