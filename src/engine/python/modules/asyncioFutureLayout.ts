import type { VersionName } from '../versions/version';

/**
 * asyncio's Future and Task laid out per release (asyncioTasksSource.ts is 3.11's text). The C
 * objects (Modules/_asynciomodule.c FutureObj/TaskObj) measure, with sys.getsizeof:
 *
 * | release | Future | Task | C layout                                                            |
 * | 3.11.7  | 144    | 192  | 10 pointers, 3 ints (2 words), dict + weakreflist in the object     |
 * | 3.12.1  | 144    | 192  | the same (basicsize 128, __weakrefoffset__ 112)                      |
 * | 3.13.0  | 136    | 176  | managed dict and weakref (pre-header, offset -32); fut_state and    |
 * |         |        |      | the fut_log_tb/fut_blocking/task_must_cancel/task_log_destroy_pending|
 * |         |        |      | bitfields share one word; task_num_cancels_requested the next       |
 *
 * Here they are classes with `__slots__`. From 3.12 a class that names `__weakref__` in its slots
 * gets the managed weakref of 3.12's type_new (a 16-byte pre-header, not an 8-byte slot): 3.11's
 * 14 slots would make a 152-byte Future on 3.12 and 3.13 (and a 200-byte Task). So 3.12 packs
 * the two C ints log_tb and blocking into one slot (12 slots + pre-header = 144), and 3.13 keeps
 * the state and every flag in one slot (11: 136) and the Task's counter in one more (5: 176), as
 * the C structs do. The packed attributes are properties over the shared slot; small ints are
 * cached, so reading or writing them allocates nothing.
 */
interface Edit {
  readonly from: string;
  readonly to: string;
}

const FUTURE_SLOTS_311 = `    __slots__ = ('_loop', '_callback0', '_context0', '_callbacks', '_exception', '_exception_tb',
                 '_result', '_source_traceback', '_cancel_message', '_state', '_log_traceback',
                 '_asyncio_future_blocking', '_cancelled_exc', '__weakref__')
`;
const FUTURE_INIT_311 = `        self._state = _PENDING
        self._log_traceback = False
        self._asyncio_future_blocking = False
`;
const TASK_SLOTS_311 = `    __slots__ = ('_fut_waiter', '_coro', '_name', '_context', '_num_cancels_requested', '_hw_flags')
`;

/** A bool property over bit `bit` of the slot `slot`. */
function flag(name: string, slot: string, bit: number): string {
  return `
    @property
    def ${name}(self):
        return bool(self.${slot} & ${bit})

    @${name}.setter
    def ${name}(self, value):
        self.${slot} = (self.${slot} & ~${bit}) | (${bit} if value else 0)
`;
}

const EDITS: Record<VersionName, readonly Edit[]> = {
  '3.11': [],
  '3.12': [
    {
      from: FUTURE_SLOTS_311,
      to:
        `    __slots__ = ('_loop', '_callback0', '_context0', '_callbacks', '_exception', '_exception_tb',
                 '_result', '_source_traceback', '_cancel_message', '_state', '_hw_fflags',
                 '_cancelled_exc', '__weakref__')
` +
        flag('_log_traceback', '_hw_fflags', 1) +
        flag('_asyncio_future_blocking', '_hw_fflags', 2),
    },
    {
      from: FUTURE_INIT_311,
      to: `        self._state = _PENDING
        self._hw_fflags = 0
`,
    },
  ],
  '3.13': [
    {
      from: FUTURE_SLOTS_311,
      to:
        `    __slots__ = ('_loop', '_callback0', '_context0', '_callbacks', '_exception', '_exception_tb',
                 '_result', '_source_traceback', '_cancel_message', '_hw_fstate', '_cancelled_exc',
                 '__weakref__')

    # fut_state (bits 0-1: PENDING, CANCELLED, FINISHED) and the bitfields after it
    @property
    def _state(self):
        return _hw_states[self._hw_fstate & 3]

    @_state.setter
    def _state(self, value):
        self._hw_fstate = (self._hw_fstate & ~3) | _hw_states.index(value)
` +
        flag('_log_traceback', '_hw_fstate', 4) +
        flag('_asyncio_future_blocking', '_hw_fstate', 8),
    },
    { from: FUTURE_INIT_311, to: `        self._hw_fstate = 0\n` },
    {
      from: TASK_SLOTS_311,
      to: `    __slots__ = ('_fut_waiter', '_coro', '_name', '_context', '_num_cancels_requested')

    # task_must_cancel and task_log_destroy_pending: the bitfields after the Future's (bits 4-5)
    @property
    def _hw_flags(self):
        return (self._hw_fstate >> 4) & 3

    @_hw_flags.setter
    def _hw_flags(self, value):
        self._hw_fstate = (self._hw_fstate & 15) | (value << 4)
`,
    },
    { from: `\nclass Future:\n`, to: `\n_hw_states = (_PENDING, _CANCELLED, _FINISHED)\n\n\nclass Future:\n` },
  ],
};

/** asyncioTasksSource.ts' text with Future and Task laid out as `version`'s C objects are. */
export function layOutFutures(source: string, version: VersionName): string {
  let out = source;
  for (const e of EDITS[version]) {
    if (!out.includes(e.from)) throw new Error(`internal: asyncio's Future layout for ${version} found no ${e.from}`);
    out = out.replace(e.from, e.to);
  }
  return out;
}
