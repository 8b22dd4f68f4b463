import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BusFullError,
  WrongLastSequenceError,
  type Bus,
  type BusMessage,
  type ConsumerSpec,
  type StreamSpec,
} from '@kh02/platform';
import { eventually } from './eventually.js';

export const CONTRACT_STREAM: StreamSpec = {
  name: 'CONTRACT',
  subjects: ['contract.>'],
  retention: 'interest',
  maxBytes: 64 * 1024,
  maxMsgBytes: 16 * 1024,
  maxAgeMs: 3_600_000,
  duplicateWindowMs: 60_000,
};

export const CONTRACT_LOG_STREAM: StreamSpec = {
  ...CONTRACT_STREAM,
  name: 'CONTRACT_LOG',
  subjects: ['log.>'],
  retention: 'limits',
};

export const CONTRACT_DURABLE: ConsumerSpec = {
  stream: 'CONTRACT',
  name: 'contract-writer',
  durable: true,
  ackWaitMs: 800,
  maxAckPending: 5,
  deliverPolicy: 'all',
};

export interface BusFactory {
  /** A started bus with the contract topology. */
  create(): Promise<Bus>;
  cleanup?(): Promise<void>;
}

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function collector() {
  const got: BusMessage[] = [];
  return { got, onMessage: (m: BusMessage) => void got.push(m) };
}

/**
 * One behavioural contract, run against every Bus implementation, so the
 * embedded bus and NATS JetStream cannot drift apart.
 */
export function busContract(label: string, factory: BusFactory): void {
  describe(`Bus contract: ${label}`, () => {
    let bus: Bus;
    beforeEach(async () => {
      bus = await factory.create();
    });
    afterEach(async () => {
      await bus.close();
      await factory.cleanup?.();
    });

    it('assigns increasing sequences and deduplicates by msg-id', async () => {
      const a = await bus.publish('contract.a', enc('one'), { msgId: 'm-1' });
      const b = await bus.publish('contract.a', enc('two'), { msgId: 'm-2' });
      const again = await bus.publish('contract.a', enc('one-retry'), { msgId: 'm-1' });
      expect(b.seq).toBeGreaterThan(a.seq);
      expect(a.duplicate).toBe(false);
      expect(again).toMatchObject({ duplicate: true, seq: a.seq });
      const state = await bus.streamState('CONTRACT');
      expect(state.messages).toBe(2);
    });

    it('answers a duplicate with the digest the first publish carried', async () => {
      await bus.publish('contract.a', enc('one'), { msgId: 'd-1', digest: 'aaa' });
      const same = await bus.publish('contract.a', enc('one'), { msgId: 'd-1', digest: 'aaa' });
      const other = await bus.publish('contract.a', enc('other'), { msgId: 'd-1', digest: 'bbb' });
      expect(same).toMatchObject({ duplicate: true, originalDigest: 'aaa' });
      expect(other).toMatchObject({ duplicate: true, originalDigest: 'aaa' });
      expect((await bus.streamState('CONTRACT')).messages).toBe(1);
    });

    it("moves a consumer's ack mark only when it acknowledges", async () => {
      await bus.publish('contract.a', enc('x'), { msgId: 'a-1' });
      await bus.publish('contract.a', enc('y'), { msgId: 'a-2' });
      const c = collector();
      const sub = await bus.consume(CONTRACT_DURABLE, c.onMessage);
      await eventually(() => c.got.length === 2);
      const mark = async () => (await bus.streamState('CONTRACT')).consumers[CONTRACT_DURABLE.name]?.ackMark;
      const before = await mark();
      await new Promise((r) => setTimeout(r, 200));
      expect(await mark()).toBe(before);
      c.got[0]?.ack();
      await eventually(async () => (await mark()) !== before);
      await sub.stop();
    });

    it('keeps messages for a durable consumer that was absent, and drops them once acked', async () => {
      await bus.publish('contract.a', enc('x'), { msgId: 'k-1' });
      await bus.publish('contract.b', enc('y'), { msgId: 'k-2' });
      const c = collector();
      const sub = await bus.consume(CONTRACT_DURABLE, c.onMessage);
      await eventually(() => c.got.length === 2);
      expect(c.got.map((m) => dec(m.data))).toEqual(['x', 'y']);
      expect(c.got.every((m) => m.deliveryCount === 1)).toBe(true);
      for (const m of c.got) m.ack();
      await eventually(async () => (await bus.streamState('CONTRACT')).messages === 0);
      await sub.stop();
    });

    it('delivers every one of many concurrent publishes to a live consumer, in sequence order', async () => {
      const c = collector();
      const sub = await bus.consume(
        { ...CONTRACT_DURABLE, name: 'all-of-them', durable: false, deliverPolicy: 'new' },
        (m) => {
          c.onMessage(m);
          m.ack();
        },
      );
      const acks = await Promise.all(
        Array.from({ length: 40 }, (_, i) => bus.publish('contract.a', enc(`c${i}`), { msgId: `conc-${i}` })),
      );
      expect(new Set(acks.map((a) => a.seq)).size).toBe(40);
      await eventually(() => c.got.length === 40);
      const seqs = c.got.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      await sub.stop();
    });

    it('redelivers after nak and after the ack wait expires', async () => {
      await bus.publish('contract.a', enc('n'), { msgId: 'r-1' });
      const c = collector();
      const sub = await bus.consume(CONTRACT_DURABLE, c.onMessage);
      await eventually(() => c.got.length === 1);
      c.got[0]?.nak();
      await eventually(() => c.got.length === 2);
      expect(c.got[1]?.deliveryCount).toBe(2);
      // No ack: the ack wait (800 ms) expires and it comes a third time.
      await eventually(() => c.got.length === 3, 5_000);
      expect(c.got[2]?.deliveryCount).toBe(3);
      expect(c.got[2]?.seq).toBe(c.got[0]?.seq);
      c.got[2]?.ack();
      await sub.stop();
    });

    it('hands unacked messages to the next subscriber after a stop (crash before ack)', async () => {
      await bus.publish('contract.a', enc('keep'), { msgId: 'c-1' });
      const first = collector();
      const sub1 = await bus.consume(CONTRACT_DURABLE, first.onMessage);
      await eventually(() => first.got.length === 1);
      await sub1.stop();
      const second = collector();
      const sub2 = await bus.consume(CONTRACT_DURABLE, second.onMessage);
      await eventually(() => second.got.length === 1, 5_000);
      expect(dec(second.got[0]?.data ?? new Uint8Array())).toBe('keep');
      expect(second.got[0]?.deliveryCount).toBeGreaterThanOrEqual(2);
      second.got[0]?.ack();
      await sub2.stop();
    });

    it('gives ephemeral consumers either only new messages or everything retained', async () => {
      await bus.publish('contract.a', enc('old'), { msgId: 'e-1' });
      const onlyNew = collector();
      const all = collector();
      const s1 = await bus.consume(
        { ...CONTRACT_DURABLE, name: 'tail', durable: false, deliverPolicy: 'new' },
        onlyNew.onMessage,
      );
      const s2 = await bus.consume(
        { ...CONTRACT_DURABLE, name: 'replay', durable: false, deliverPolicy: 'all' },
        all.onMessage,
      );
      await eventually(() => all.got.length === 1);
      await bus.publish('contract.a', enc('new'), { msgId: 'e-2' });
      await eventually(() => onlyNew.got.length === 1 && all.got.length === 2);
      expect(dec(onlyNew.got[0]?.data ?? new Uint8Array())).toBe('new');
      expect(all.got.map((m) => dec(m.data))).toEqual(['old', 'new']);
      for (const m of [...onlyNew.got, ...all.got]) m.ack();
      await s1.stop();
      await s2.stop();
    });

    it('filters by subject', async () => {
      const c = collector();
      const sub = await bus.consume(
        { ...CONTRACT_DURABLE, name: 'only-b', durable: false, deliverPolicy: 'new', filterSubject: 'contract.b' },
        c.onMessage,
      );
      await bus.publish('contract.a', enc('a'), { msgId: 'f-1' });
      await bus.publish('contract.b', enc('b'), { msgId: 'f-2' });
      await eventually(() => c.got.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(c.got.map((m) => m.subject)).toEqual(['contract.b']);
      c.got[0]?.ack();
      await sub.stop();
    });

    it('enforces optimistic concurrency on the last subject sequence', async () => {
      const first = await bus.publish('log.t-1', enc('created'), { msgId: 'o-1', expectedLastSubjectSeq: 0 });
      await bus.publish('log.t-1', enc('assigned'), { msgId: 'o-2', expectedLastSubjectSeq: first.seq });
      await expect(
        bus.publish('log.t-1', enc('stale'), { msgId: 'o-3', expectedLastSubjectSeq: first.seq }),
      ).rejects.toBeInstanceOf(WrongLastSequenceError);
      await bus.publish('log.t-2', enc('other'), { msgId: 'o-4', expectedLastSubjectSeq: 0 });
      expect((await bus.streamState('CONTRACT_LOG')).messages).toBe(3);
    });

    it('refuses publishes when the stream is full instead of dropping old data (discard new)', async () => {
      const chunk = new Uint8Array(10 * 1024);
      let full: unknown;
      for (let i = 0; i < 10 && !full; i++) {
        await bus.publish('contract.a', chunk, { msgId: `full-${i}` }).catch((err: unknown) => {
          full = err;
        });
      }
      expect(full).toBeInstanceOf(BusFullError);
      const state = await bus.streamState('CONTRACT');
      expect(state.firstSeq).toBe(1);
      expect(state.messages).toBeGreaterThanOrEqual(5);
    });

    it('limits in-flight messages to maxAckPending and reports consumer lag', async () => {
      for (let i = 0; i < 20; i++) await bus.publish('contract.a', enc(`p${i}`), { msgId: `lag-${i}` });
      const c = collector();
      const sub = await bus.consume(CONTRACT_DURABLE, c.onMessage);
      await eventually(() => c.got.length === 5);
      await new Promise((r) => setTimeout(r, 150));
      expect(c.got.length).toBe(5);
      const state = await bus.streamState('CONTRACT');
      expect(state.consumers['contract-writer']?.ackPending).toBe(5);
      for (const m of c.got.splice(0)) m.ack();
      await eventually(() => c.got.length >= 5);
      await sub.stop();
    });
  });
}
