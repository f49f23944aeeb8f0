import { BUFFER_AT, BUFFER_ROLE, builtinBuffer, type OwnerContext } from './describe';

/**
 * One pass over the object table: every object's own block and every buffer it owns whose
 * address lies in [lo, hi) and passes `wanted`, reported as (pointer, handle, buffer role or null
 * for the object's own block). The loop is kept free of closures and of captured variables (V8
 * keeps those in a context, not in registers): a process can hold millions of handles.
 */
export function forEachAllocation(
  ctx: OwnerContext,
  lo: number,
  hi: number,
  wanted: (ptr: number) => boolean,
  hit: (ptr: number, h: number, role: string | null) => void,
): void {
  const vm = ctx.vm;
  const t = vm.table;
  const end = t.end;
  const ext = extensionBuffers(ctx, lo, hi, wanted, hit);
  // Imports read in the loop become locals: a module transformed on its own (tsx, vitest) reads
  // an imported binding through a getter every time.
  const at = BUFFER_AT;
  const byType = ctx.byType;
  const { type: types, addr, ptr } = t;
  for (let h = 1; h < end; h++) {
    const type = types[h];
    if (type === 0) continue;
    const a = addr[h];
    if (a >= lo && a < hi && wanted(a)) hit(a, h, null);
    if (byType[type] !== undefined) ext(h, type);
    else if (at[type]) {
      const b = at[type] === 1 ? ptr[h] : builtinBuffer(vm, h, type);
      if (b >= lo && b < hi && wanted(b)) hit(b, h, BUFFER_ROLE[type]!);
    }
  }
}

/** The buffers of extension objects, through their layer's provider. */
function extensionBuffers(
  ctx: OwnerContext,
  lo: number,
  hi: number,
  wanted: (ptr: number) => boolean,
  hit: (ptr: number, h: number, role: string | null) => void,
): (h: number, type: number) => void {
  let current = 0;
  const each = (ptr: number, role: string): void => {
    if (ptr >= lo && ptr < hi && wanted(ptr)) hit(ptr, current, role);
  };
  return (h, type) => {
    current = h;
    ctx.byType[type]?.buffers(h, each);
  };
}
