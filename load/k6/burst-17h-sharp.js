// k6 run -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json [-e INGEST_URL=http://127.0.0.1:8080] [-e SCALE=0.1] load/k6/burst-17h-sharp.js
// Scenario "burst-17h-sharp" of load/scenarios/definitions.js — the Node runner: npm run load -w @kh02/load -- burst-17h-sharp
import { ingestIteration, ingestOptions, ingestSetup } from './lib/ingest.js';

export const options = ingestOptions('burst-17h-sharp');
export const setup = ingestSetup;
export default ingestIteration('burst-17h-sharp');
