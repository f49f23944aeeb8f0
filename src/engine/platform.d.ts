/**
 * The web-platform globals the engine may use: Node 20 and a dedicated worker both have them, and
 * nothing else outside ECMAScript. Only tsconfig.engine.json reads this file (`npm run typecheck`
 * checks the engine against ES2023 plus these, so a DOM, worker or Node API in src/engine fails the
 * build); the page's tsconfig has the DOM's and Node's own declarations instead.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare function structuredClone<T>(value: T): T;
// a `var`, as lib.dom declares it: budget.ts reads it as globalThis.performance
// eslint-disable-next-line no-var
declare var performance: { now(): number };
