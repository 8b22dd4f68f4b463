import { crc32 } from 'node:zlib';

/**
 * On-disk record: [u32 bodyLen][u32 crc32(body)][body], body = [u8 type]
 * [u32 metaLen][meta JSON][payload]. The CRC lets replay stop cleanly at a
 * torn tail after a crash instead of reading garbage.
 */
export type JournalRecord =
  | {
      type: 'publish';
      seq: number;
      subject: string;
      msgId: string | undefined;
      publishedAtMs: number;
      headers: Record<string, string>;
      data: Uint8Array;
    }
  | { type: 'ack'; consumer: string; seq: number };

const TYPE_PUBLISH = 1;
const TYPE_ACK = 2;
const FRAME_HEADER = 8;

export function encodeRecord(record: JournalRecord): Buffer {
  const meta =
    record.type === 'publish'
      ? { s: record.seq, j: record.subject, m: record.msgId, t: record.publishedAtMs, h: record.headers }
      : { c: record.consumer, s: record.seq };
  const metaBuf = Buffer.from(JSON.stringify(meta));
  const payload = record.type === 'publish' ? record.data : new Uint8Array(0);
  const body = Buffer.allocUnsafe(1 + 4 + metaBuf.length + payload.length);
  body.writeUInt8(record.type === 'publish' ? TYPE_PUBLISH : TYPE_ACK, 0);
  body.writeUInt32LE(metaBuf.length, 1);
  metaBuf.copy(body, 5);
  body.set(payload, 5 + metaBuf.length);
  const frame = Buffer.allocUnsafe(FRAME_HEADER);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([frame, body]);
}

interface PublishMeta {
  s: number;
  j: string;
  m?: string;
  t: number;
  h: Record<string, string>;
}
interface AckMeta {
  c: string;
  s: number;
}

/** Decodes records until the end or the first torn/corrupt frame; returns the valid byte length. */
export function decodeRecords(buf: Buffer): { records: JournalRecord[]; validBytes: number } {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + FRAME_HEADER <= buf.length) {
    const len = buf.readUInt32LE(offset);
    const crc = buf.readUInt32LE(offset + 4);
    const start = offset + FRAME_HEADER;
    if (start + len > buf.length) break;
    const body = buf.subarray(start, start + len);
    if (crc32(body) !== crc || len < 5) break;
    const type = body.readUInt8(0);
    const metaLen = body.readUInt32LE(1);
    const meta: unknown = JSON.parse(body.subarray(5, 5 + metaLen).toString('utf8'));
    if (type === TYPE_PUBLISH) {
      const m = meta as PublishMeta;
      records.push({
        type: 'publish',
        seq: m.s,
        subject: m.j,
        msgId: m.m,
        publishedAtMs: m.t,
        headers: m.h,
        data: new Uint8Array(body.subarray(5 + metaLen)),
      });
    } else if (type === TYPE_ACK) {
      const m = meta as AckMeta;
      records.push({ type: 'ack', consumer: m.c, seq: m.s });
    } else {
      break;
    }
    offset = start + len;
  }
  return { records, validBytes: offset };
}
