import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import type { EncoderConfig } from './jsonstate';

/** The pure-Python encoder (_make_iterencode's generators): used for indent and json.dump. */
export function iterencodePython(_vm: Vm, _cfg: EncoderConfig, _markers: number, _floatstr: unknown, _obj: number): number {
  throw new NotSupported('json.dumps with indent, and json.dump');
}
