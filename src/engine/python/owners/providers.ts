import type { HolderRole } from '../../explain/owners';
import type { Vm } from '../runtime/vm';

/**
 * What a layer above python/ (NumPy) tells the owner lookup about its own objects and memory.
 * python/ never imports those layers, so they register here at run time, as their types do.
 */
export interface OwnerProvider {
  /** The object-table type ids it describes. */
  readonly types: readonly number[];
  /** A noun phrase with its article: "an ndarray of 10,000,000 int64". */
  describe(h: number): string;
  /** The object's kind, for a holder bound to a name: "view" → "the view v". */
  noun(h: number): string;
  /** Allocations the object owns besides its own block, each with its role ("data buffer"). */
  buffers(h: number, each: (ptr: number, role: string) => void): void;
  /** References that keep other objects alive and that tp_traverse does not report (a view's base). */
  references?(h: number, visit: (ref: number, role: HolderRole) => void): void;
  /** Memory the layer keeps for itself (its caches): each pointer, what it is and why it stays. */
  internals?(each: (ptr: number, what: string, kept?: string) => void): void;
}

const registry = new WeakMap<Vm, OwnerProvider[]>();

/** Called by a layer once it has objects in this interpreter (NumPy: on `import numpy`). */
export function registerOwnerProvider(vm: Vm, provider: OwnerProvider): void {
  const list = registry.get(vm);
  if (list) list.push(provider);
  else registry.set(vm, [provider]);
}

export function ownerProviders(vm: Vm): readonly OwnerProvider[] {
  return registry.get(vm) ?? [];
}

/** The provider for each extension type id (sparse), for the per-handle hot loops. */
export function providersByType(vm: Vm): (OwnerProvider | undefined)[] {
  const byType: (OwnerProvider | undefined)[] = [];
  for (const p of ownerProviders(vm)) for (const t of p.types) byType[t] = p;
  return byType;
}
