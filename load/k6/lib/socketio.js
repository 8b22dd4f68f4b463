// The slice of the socket.io v4 wire protocol (Engine.IO v4 over a websocket) a wall uses,
// for k6/ws, which speaks plain websockets. Packet types: Engine.IO '0' open, '2' ping,
// '3' pong, '4' message; inside a message socket.io '0' CONNECT, '2' EVENT, '3' ACK.

/** The websocket URL socket.io serves at `path` (the api uses /socket.io). */
export function socketIoUrl(httpUrl, path = '/socket.io') {
  return `${httpUrl.replace(/^http/, 'ws')}${path}/?EIO=4&transport=websocket`;
}

/**
 * Feeds one websocket frame through the protocol. `handlers`:
 *   connectPayload() — auth object sent with CONNECT (e.g. { token }), or undefined
 *   onConnect() — the namespace accepted the connection
 *   onConnectError(message) — it refused (e.g. 'unauthorized')
 *   onEvent(name, payload) — a server event
 *   onAck(id, payload) — the answer to an emit with ack id `id`
 */
export function handleFrame(socket, frame, handlers) {
  if (frame === '2') {
    socket.send('3');
    return;
  }
  if (frame[0] === '0') {
    const auth = handlers.connectPayload ? handlers.connectPayload() : undefined;
    socket.send(auth ? `40${JSON.stringify(auth)}` : '40');
    return;
  }
  if (frame.startsWith('40')) {
    handlers.onConnect();
    return;
  }
  if (frame.startsWith('44')) {
    const body = JSON.parse(frame.slice(2) || '{}');
    if (handlers.onConnectError) handlers.onConnectError(body.message || 'connect error');
    return;
  }
  if (frame.startsWith('42')) {
    const [name, payload] = JSON.parse(frame.slice(2));
    handlers.onEvent(name, payload);
    return;
  }
  if (frame.startsWith('43')) {
    const m = /^43(\d+)(.*)$/.exec(frame);
    if (m && handlers.onAck) handlers.onAck(Number(m[1]), JSON.parse(m[2])[0]);
  }
}

/** Emits `name` with `payload`, asking for an acknowledgement under `ackId`. */
export function emitWithAck(socket, ackId, name, payload) {
  socket.send(`42${ackId}${JSON.stringify([name, payload])}`);
}
