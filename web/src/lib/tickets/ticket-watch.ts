/*
 * Live ticket pages: while a list or detail page is open, the socket tells it
 * which tickets changed (only those this person may see); the page refetches
 * them over REST. The pages keep their 30-s poll as the fallback for a lost link.
 */
import type { TicketChanged } from '@kh02/schemas';
import type { LiveTransport, Unsubscribe } from '$lib/live/transport';

export function watchTickets(
  transport: LiveTransport,
  /** The person's session, read at every (re)connect: the socket itself may run on the display token. */
  token: () => string | null,
  onChange: (change: TicketChanged) => void,
): Unsubscribe {
  const watch = () => {
    const t = token();
    // A refused watch (session ended) leaves the page on its poll; the REST calls then report the sign-out.
    if (t) transport.emit('tickets:watch:v1', { token: t }, () => undefined);
  };
  const offChange = transport.on('tickets:changed:v1', onChange);
  // The server forgets watches with the connection: watch again after every reconnect.
  const offConnect = transport.onConnect(watch);
  if (transport.connected) watch();
  return () => {
    offChange();
    offConnect();
    if (transport.connected) transport.emit('tickets:unwatch:v1');
  };
}

/** Runs `fn` once after a burst of calls settles, so ten changes in a second cost one refetch. */
export function coalesce(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call: () => {
      timer ??= setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
