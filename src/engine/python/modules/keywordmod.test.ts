import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/** keyword as python3.11.7, 3.12.1 and 3.13.0 printed this script (3.12 added the soft keyword `type`). */
const SCRIPT =
  'import keyword\nprint(keyword.iskeyword("def"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.softkwlist)\nnames = [n for n in ["x", "class", "lambda_", "yield", "type"] if not keyword.iskeyword(n)]\nprint(names, keyword.issoftkeyword("type"))\n';

describe('keyword', () => {
  it('prints what each release printed', () => {
    expect(runScript(SCRIPT).output).toBe(
      "True False True 35 ['_', 'case', 'match']\n['x', 'lambda_', 'type'] False\n",
    );
    for (const python of ['3.12', '3.13'] as const)
      expect(runScript(SCRIPT, { python }).output).toBe(
        "True False True 35 ['_', 'case', 'match', 'type']\n['x', 'lambda_', 'type'] True\n",
      );
  });
});
