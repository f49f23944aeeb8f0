import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * warnings as python3.11 (3.11.7) ran this script (as script.py, stderr caught in a StringIO):
 * the default filters (DeprecationWarning shown for __main__ only), stacklevel, a Warning instance,
 * catch_warnings(record=True) with "always", filterwarnings by message and to "error",
 * resetwarnings, "once" (marked in the module's __warningregistry__, as _warnings.c does), a
 * replaced showwarning, formatwarning, and the source line read through linecache.
 */
const SCRIPT =
  'import io, sys\nsys.stderr = ERR = io.StringIO()\nimport warnings, sys\n\ndef old_api(x):\n    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)\n    return x\n\ndef noisy():\n    warnings.warn("careful")\n\nfor i in range(3):\n    noisy()\nold_api(1)\nwarnings.warn(RuntimeWarning("rt"))\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter("always")\n    noisy()\n    noisy()\n    old_api(2)\nprint(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno, w[0].filename.endswith(".py"))\nprint(len(warnings.filters), warnings.filters[0])\nwarnings.filterwarnings("ignore", message="care")\nnoisy()\nwarnings.filterwarnings("error", category=UserWarning)\ntry:\n    warnings.warn("boom")\nexcept UserWarning as e:\n    print("raised", e)\nwarnings.resetwarnings()\nwarnings.simplefilter("once")\nnoisy(); noisy()\nprint(sorted(k for k in __warningregistry__ if k != "version"), __warningregistry__["version"] > 0)\ndef show(message, category, filename, lineno, file=None, line=None):\n    print("custom:", message, category.__name__, lineno)\nwarnings.showwarning = show\nwarnings.simplefilter("always")\nnoisy()\nprint(warnings.formatwarning("m", UserWarning, "f.py", 3, "x = 1"))\nsys.stderr = sys.__stderr__\nprint(ERR.getvalue())\n';
const PRINTED_BY_CPYTHON =
  "3 ['careful', 'careful', 'old_api is deprecated'] ['UserWarning', 'UserWarning', 'DeprecationWarning'] 10 True\n5 ('default', None, <class 'DeprecationWarning'>, '__main__', 0)\nraised boom\n[('careful', <class 'UserWarning'>), ('careful', <class 'UserWarning'>, 10)] True\ncustom: careful UserWarning 10\nf.py:3: UserWarning: m\n  x = 1\n\nscript.py:10: UserWarning: careful\n  warnings.warn(\"careful\")\nscript.py:14: DeprecationWarning: old_api is deprecated\n  old_api(1)\nscript.py:15: RuntimeWarning: rt\n  warnings.warn(RuntimeWarning(\"rt\"))\nscript.py:10: UserWarning: careful\n  warnings.warn(\"careful\")\n\n";

describe('warnings', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT, { filename: 'script.py' });
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });
});
