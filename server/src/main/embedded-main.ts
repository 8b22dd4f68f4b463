import { bilingual } from '@kh02/schemas';
import { createLogger, loadInfraEnv, ShutdownSequence } from '@kh02/platform';
import { startEmbeddedSystem } from '../embedded.js';

/** `npm start`: the whole system in one process, on embedded defaults, with live demo data. */
const infra = loadInfraEnv();
const logger = createLogger('kh02', infra.LOG_LEVEL, infra.LOG_PRETTY);
const system = await startEmbeddedSystem({ logger });
const shutdown = new ShutdownSequence(logger, 30_000).add('stop system', () => system.stop());
shutdown.installSignalHandlers();

const vnpt = system.tokens['vendor-vnpt'];
const banner = bilingual('Tường giám sát KH02 đang chạy', 'KH02 Command Wall is running');
logger.info(
  {
    wall: `${system.apiUrl}/`,
    ingest: system.ingestUrl,
    demo_key_example: vnpt ? `${vnpt.slice(0, 22)}… (full tokens: data/api-keys.demo-credentials.json)` : undefined,
  },
  `${banner.vi} / ${banner.en}`,
);

// A plain line for the person who typed `npm start`, besides the structured log.
const wall = system.displayToken ? `${system.apiUrl}/?token=${system.displayToken}` : `${system.apiUrl}/`;
const kiosk = `${wall}${system.displayToken ? '&' : '?'}kiosk=1&rotate=30`;
process.stdout.write(
  `\n  ${banner.vi} / ${banner.en}:\n    ${wall}\n    kiosk: ${kiosk}\n  Tài khoản demo / demo accounts: data/demo-accounts.json\n\n`,
);
