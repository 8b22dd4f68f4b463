// k6 run -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json -e DISPLAY_PASSWORD=<tuong.hienthi's password
//        from data/demo-accounts.json> [-e API_URL=http://127.0.0.1:3000] [-e INGEST_URL=http://127.0.0.1:8080]
//        [-e SCALE=0.1] [-e DURATION=30s] load/k6/wall-fanout.js
// Scenario "wall-fanout" of load/scenarios/definitions.js — the Node runner: npm run fanout -w @kh02/load
/* global __ENV, open */
import http from 'k6/http';
import ws from 'k6/ws';
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { k6WallOptions, tileProbeRequest, wallPlan } from '../scenarios/index.js';
import { emitWithAck, handleFrame, socketIoUrl } from './lib/socketio.js';

const API_URL = __ENV.API_URL || 'http://127.0.0.1:3000';
const INGEST_URL = __ENV.INGEST_URL || 'http://127.0.0.1:8080';
const plan = wallPlan('wall-fanout', __ENV);
const tokens = __ENV.TOKENS_FILE ? JSON.parse(open(__ENV.TOKENS_FILE)) : {};

export const options = k6WallOptions('wall-fanout', __ENV);

const diffLatency = new Trend('wall_diff_latency', true);
const subscribed = new Counter('wall_clients_subscribed');
const refused = new Counter('wall_clients_refused');

/** Signs in as the wall display account once; every wall uses that session. */
export function setup() {
  let wallToken = __ENV.WALL_TOKEN;
  if (!wallToken && __ENV.DISPLAY_PASSWORD) {
    const res = http.post(
      `${API_URL}/api/v1/auth/login`,
      JSON.stringify({ username: __ENV.DISPLAY_USER || 'tuong.hienthi', password: __ENV.DISPLAY_PASSWORD }),
      { headers: { 'content-type': 'application/json' } },
    );
    wallToken = res.json('token');
  }
  return { wallToken, startedAt: Date.now(), runId: __ENV.RUN_ID || `k6w${Date.now().toString(36)}` };
}

/** One wall: connect at its slot in the ramp, subscribe, hold until the end of the test, measure every diff. */
export function wall(data) {
  const index = exec.vu.idInTest - 1;
  sleep((index * plan.connectOverSec) / plan.clients);
  const holdFrom = data.startedAt + plan.connectOverSec * 1000;
  const closeAt = holdFrom + plan.holdSec * 1000;
  ws.connect(socketIoUrl(API_URL), {}, (socket) => {
    socket.on('message', (frame) =>
      handleFrame(socket, frame, {
        connectPayload: () => (data.wallToken ? { token: data.wallToken } : undefined),
        onConnect: () => emitWithAck(socket, 0, 'wall:subscribe:v1', {}),
        onConnectError: () => {
          refused.add(1);
          socket.close();
        },
        onAck: (id, ack) => {
          if (id === 0 && ack && ack.ok) subscribed.add(1);
        },
        onEvent: (name, payload) => {
          const now = Date.now();
          if (name === 'wall:diff:v1' && now >= holdFrom) diffLatency.add(now - Date.parse(payload.generated_at));
        },
      }),
    );
    socket.setTimeout(() => socket.close(), Math.max(1_000, closeAt - Date.now()));
  });
}

/**
 * Drives the diffs: each iteration flips one probe province between red and
 * green (alternating per province, so every post changes its tile).
 */
export function toggleTile(data) {
  const i = exec.scenario.iterationInTest;
  const provinces = plan.probeProvinces;
  const province = provinces[i % provinces.length];
  const req = tileProbeRequest({
    province,
    red: Math.floor(i / provinces.length) % 2 === 0,
    seq: i,
    nowMs: Date.now(),
    runId: data.runId,
  });
  http.post(`${INGEST_URL}${req.path}`, req.body, {
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[req.keyId]}`,
      'idempotency-key': req.idempotencyKey,
    },
  });
}
