import { cloneLibcSection, libcSectionBuffers } from '../engine/libc/section';
import type { ArenaColumns, Snapshot } from '../engine/trace/snapshot';
import type { EventRows, FromWorker, Position } from '../protocol/messages';

/** Every buffer of a snapshot, for postMessage's transfer list. */
export function snapshotBuffers(s: Snapshot): ArrayBuffer[] {
  const cols: ArrayBufferView[] = [
    s.brkResidentWords,
    ...libcSectionBuffers(s.libc),
    s.mappings.start,
    s.mappings.length,
    s.mappings.tag,
    s.mappings.residentPages,
    s.mappings.bitsOffset,
    s.mappings.bits,
  ];
  if (s.arenas) {
    const a = s.arenas;
    cols.push(a.address, a.firstPool, a.poolCount, a.poolClass, a.poolUsed, a.poolState);
  }
  const seen = new Set<ArrayBuffer>();
  for (const c of cols) seen.add(c.buffer as ArrayBuffer);
  return [...seen];
}

/** A deep copy whose buffers can be transferred while the original stays as a checkpoint. */
export function cloneSnapshot(s: Snapshot): Snapshot {
  const a = s.arenas;
  return {
    ...s,
    scalars: { ...s.scalars },
    brkResidentWords: s.brkResidentWords.slice(),
    libc: cloneLibcSection(s.libc),
    mappings: {
      ...s.mappings,
      start: s.mappings.start.slice(),
      length: s.mappings.length.slice(),
      tag: s.mappings.tag.slice(),
      residentPages: s.mappings.residentPages.slice(),
      bitsOffset: s.mappings.bitsOffset.slice(),
      bits: s.mappings.bits.slice(),
      labels: [...s.mappings.labels],
      tags: [...s.mappings.tags],
    },
    arenas: a ? cloneArenas(a) : null,
    pymallocStats: s.pymallocStats ? { ...s.pymallocStats } : null,
  };
}

/** A copy of the pymalloc arena columns (kept while the snapshot's own are transferred). */
export function cloneArenas(a: ArenaColumns): ArenaColumns {
  return {
    count: a.count,
    address: a.address.slice(),
    firstPool: a.firstPool.slice(),
    poolCount: a.poolCount.slice(),
    poolClass: a.poolClass.slice(),
    poolUsed: a.poolUsed.slice(),
    poolState: a.poolState.slice(),
  };
}

/** Bytes held by a snapshot's columns (checkpoint budget, and the benchmark's bytes-per-step). */
export function snapshotBytes(s: Snapshot): number {
  let n = 0;
  for (const b of snapshotBuffers(s)) n += b.byteLength;
  return n;
}

/**
 * A landing's snapshot as the page receives it (Session), with the buffers to transfer: the
 * snapshot's and its statement's event rows. `explaining`: its sentences follow in an `explained`
 * message (the views first).
 */
export function snapshotMessage(
  runId: number,
  reqId: number,
  position: Position,
  snap: Snapshot,
  events: EventRows,
  t0: number,
  explaining: boolean,
): [FromWorker, Transferable[]] {
  const msg: FromWorker = {
    type: 'snapshot',
    runId,
    reqId,
    position,
    // its own object: the sentences are written into `snap` after this is sent
    snapshot: explaining ? { ...snap, explain: [] } : snap,
    events,
    bytes: snapshotBytes(snap),
    ms: performance.now() - t0,
    explaining,
  };
  return [
    msg,
    [
      ...snapshotBuffers(snap),
      events.kind.buffer,
      events.addr.buffer,
      events.size.buffer,
      events.aux.buffer,
      events.chunk.buffer,
    ],
  ];
}
