import type { Kernel } from '../../kernel/kernel';
import { memoryError } from '../errors';

/**
 * The thread's frame data stack (Python/pystate.c, 3.11): frames of Python functions live in
 * chunks of DATA_STACK_CHUNK_SIZE = 16 KiB (or the next power of two that fits a big frame)
 * that _PyObject_VirtualAlloc maps with mmap. A call that does not fit pushes a new chunk; the
 * return that empties it unmaps it again (_PyThreadState_PopFrame). The root chunk is never freed.
 */
export const DATA_STACK_CHUNK_SIZE = 16 * 1024;
const CHUNK_HEADER = 24; // previous, size, top
const MINIMUM_OVERHEAD = 1000; // words (push_chunk)

interface Chunk {
  addr: number;
  size: number;
  /** Bytes in use from addr (header included). */
  top: number;
}

export class DataStack {
  private readonly chunks: Chunk[];
  /** Frames pushed: [chunk index, offset before the push]. */
  private readonly frames: [number, number][] = [];

  constructor(
    private readonly kernel: Kernel,
    root: { addr: number; size: number; used: number },
  ) {
    this.chunks = [{ addr: root.addr, size: root.size, top: root.used }];
  }

  /** _PyThreadState_PushFrame(words): the frame's address. Writes the frame (touches it). */
  push(words: number): number {
    const bytes = 8 * words;
    let c = this.chunks[this.chunks.length - 1];
    if (c.top + bytes > c.size) {
      let size = DATA_STACK_CHUNK_SIZE;
      while (size < 8 * (words + MINIMUM_OVERHEAD)) size *= 2;
      const addr = this.kernel.mmap(size, 'interpreter', 'frame data stack');
      if (addr < 0) throw memoryError();
      c = { addr, size, top: CHUNK_HEADER };
      this.kernel.touch(addr, CHUNK_HEADER);
      this.chunks.push(c);
    }
    const at = c.addr + c.top;
    this.frames.push([this.chunks.length - 1, c.top]);
    if (this.frames.length > this.peak) this.peak = this.frames.length;
    c.top += bytes;
    this.kernel.touch(at, bytes);
    return at;
  }

  /** _PyThreadState_PopFrame: a chunk left empty is unmapped (never the root one). */
  pop(): void {
    const [ci, before] = this.frames.pop()!;
    const c = this.chunks[ci];
    c.top = before;
    if (ci > 0 && before === CHUNK_HEADER) {
      this.kernel.munmap(c.addr, c.size);
      this.chunks.pop();
    }
  }

  /** _PyThreadState_HasStackSpace: `words` fit in the current chunk (strictly below its limit). */
  hasSpace(words: number): boolean {
    const c = this.chunks[this.chunks.length - 1];
    return c.top + 8 * words < c.size;
  }

  get depth(): number {
    return this.frames.length;
  }

  /** The most frames pushed at once (since the last reset). */
  peak = 0;
}
