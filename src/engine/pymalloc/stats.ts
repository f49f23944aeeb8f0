import {
  ARENA_SIZE,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
  index2size,
} from './constants';
import { type ObmallocState, poolId } from './state';

/** One row of sys._debugmallocstats()'s class table. */
export interface PymallocClassStats {
  /** Pools of this class with ref.count > 0 (used and full; empty pools are not counted). */
  pools: number;
  /** Σ ref.count of those pools. */
  blocks_in_use: number;
  /** NUMBLOCKS × pools − blocks in use: free-list and never-carved blocks of those pools. */
  avail: number;
}

export interface PymallocStats {
  arenas_allocated_current: number;
  arenas_allocated_total: number;
  arenas_reclaimed: number;
  arenas_highwater_mark: number;
  /** Keyed by block size ("16" … "512"), only classes with pools > 0, as the table prints them. */
  classes: Record<string, PymallocClassStats>;
}

/** Everything _PyObject_DebugMallocStats prints about pymalloc, as numbers. */
export interface PymallocStatsDetail extends PymallocStats {
  /** Σ nfreepools: empty pools plus pools not yet carved. */
  unused_pools: number;
  bytes_in_allocated_blocks: number;
  bytes_in_available_blocks: number;
  bytes_lost_to_pool_headers: number;
  bytes_lost_to_quantization: number;
  bytes_lost_to_arena_alignment: number;
  arena_map_mid_nodes: number;
  arena_map_bot_nodes: number;
}

/** _PyObject_DebugMallocStats's walk: every allocated arena, every carved pool with ref.count > 0. */
export function collectStats(st: ObmallocState): PymallocStatsDetail {
  const numpools = new Float64Array(NB_SMALL_SIZE_CLASSES);
  const numblocks = new Float64Array(NB_SMALL_SIZE_CLASSES);
  const numfree = new Float64Array(NB_SMALL_SIZE_CLASSES);
  let narenas = 0;
  let unused = 0;
  let alignment = 0;
  for (let a = 0; a < st.maxarenas; a++) {
    if (st.address[a] === 0) continue;
    narenas++;
    unused += st.nfreepools[a];
    if (st.address[a] % POOL_SIZE !== 0) alignment += POOL_SIZE;
    const p0 = poolId(a, 0);
    for (let k = 0; k < st.carved[a]; k++) {
      const ref = st.ref[p0 + k];
      if (ref === 0) continue; // currently unused
      const sz = st.szidx[p0 + k];
      numpools[sz]++;
      numblocks[sz] += ref;
      numfree[sz] += NUMBLOCKS[sz] - ref;
    }
  }
  const classes: Record<string, PymallocClassStats> = {};
  let allocated = 0;
  let available = 0;
  let headers = 0;
  let quantization = 0;
  for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
    if (numpools[i] === 0) continue;
    const size = index2size(i);
    classes[String(size)] = { pools: numpools[i], blocks_in_use: numblocks[i], avail: numfree[i] };
    allocated += numblocks[i] * size;
    available += numfree[i] * size;
    headers += numpools[i] * POOL_OVERHEAD;
    quantization += numpools[i] * ((POOL_SIZE - POOL_OVERHEAD) % size);
  }
  return {
    arenas_allocated_current: narenas,
    arenas_allocated_total: st.ntimesArenaAllocated,
    arenas_reclaimed: st.ntimesArenaAllocated - narenas,
    arenas_highwater_mark: st.narenasHighwater,
    classes,
    unused_pools: unused,
    bytes_in_allocated_blocks: allocated,
    bytes_in_available_blocks: available,
    bytes_lost_to_pool_headers: headers,
    bytes_lost_to_quantization: quantization,
    bytes_lost_to_arena_alignment: alignment,
    arena_map_mid_nodes: st.radix.midCount,
    arena_map_bot_nodes: st.radix.botCount,
  };
}

/** printone(): the label padded to 35 columns, '=', the value right-aligned in 21 with thousands commas. */
export function printone(msg: string, value: number): string {
  const digits = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return msg.padEnd(35, ' ') + '=' + digits.padStart(21, ' ') + '\n';
}

/** _PyDebugAllocatorStats(): a free-list line, e.g. "80 free PyListObjects * 40 bytes each". */
export function allocatorStatsLine(blockName: string, numBlocks: number, sizeofBlock: number): string {
  return printone(
    `${numBlocks} ${blockName}s * ${sizeofBlock} bytes each`.padStart(48, ' ') + ' ',
    numBlocks * sizeofBlock,
  );
}

/** The text _PyObject_DebugMallocStats(stderr) writes (the per-type free-list lines are the caller's). */
export function formatDebugMallocStats(st: ObmallocState): string {
  const s = collectStats(st);
  let out = `Small block threshold = ${SMALL_REQUEST_THRESHOLD}, in ${NB_SMALL_SIZE_CLASSES} size classes.\n`;
  out +=
    '\nclass   size   num pools   blocks in use  avail blocks\n-----   ----   ---------   -------------  ------------\n';
  for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
    const size = index2size(i);
    const c = s.classes[String(size)];
    if (!c) continue;
    out += `${pad(i, 5)} ${pad(size, 6)} ${pad(c.pools, 11)} ${pad(c.blocks_in_use, 15)} ${pad(c.avail, 13)}\n`;
  }
  out += '\n';
  out += printone('# arenas allocated total', s.arenas_allocated_total);
  out += printone('# arenas reclaimed', s.arenas_reclaimed);
  out += printone('# arenas highwater mark', s.arenas_highwater_mark);
  out += printone('# arenas allocated current', s.arenas_allocated_current);
  const n = s.arenas_allocated_current;
  out += printone(`${n} arenas * ${ARENA_SIZE} bytes/arena`, n * ARENA_SIZE);
  out += '\n';
  const parts: [string, number][] = [
    ['# bytes in allocated blocks', s.bytes_in_allocated_blocks],
    ['# bytes in available blocks', s.bytes_in_available_blocks],
    [`${s.unused_pools} unused pools * ${POOL_SIZE} bytes`, s.unused_pools * POOL_SIZE],
    ['# bytes lost to pool headers', s.bytes_lost_to_pool_headers],
    ['# bytes lost to quantization', s.bytes_lost_to_quantization],
    ['# bytes lost to arena alignment', s.bytes_lost_to_arena_alignment],
  ];
  let total = 0;
  for (const [label, v] of parts) {
    out += printone(label, v);
    total += v;
  }
  out += printone('Total', total);
  const rb = st.radix.bytes;
  out += '\narena map counts\n';
  out += printone('# arena map mid nodes', s.arena_map_mid_nodes);
  out += printone('# arena map bot nodes', s.arena_map_bot_nodes);
  out += '\n';
  out += printone('# bytes lost to arena map root', rb.root);
  out += printone('# bytes lost to arena map mid', rb.mid);
  out += printone('# bytes lost to arena map bot', rb.bot);
  out += printone('Total', rb.root + rb.mid + rb.bot);
  return out;
}

/** Flat numbers for the snapshot (ArenaSource.statsRecord): the scalars plus `pools_<size>` etc. */
export function statsRecord(st: ObmallocState): Record<string, number> {
  const s = collectStats(st);
  const r: Record<string, number> = {};
  for (const [k, v] of Object.entries(s)) if (typeof v === 'number') r[k] = v;
  for (const [size, c] of Object.entries(s.classes)) {
    r[`pools_${size}`] = c.pools;
    r[`blocks_in_use_${size}`] = c.blocks_in_use;
    r[`avail_${size}`] = c.avail;
  }
  return r;
}

const pad = (n: number, w: number): string => String(n).padStart(w, ' ');
