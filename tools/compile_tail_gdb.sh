#!/bin/bash
# The glibc-reaching allocations of one script's compile on a pyenv release, each with its callers:
#
#     tools/compile_tail_gdb.sh 3.12.1 SCRIPT.py
#
# Runs the recorder's _build (the script parsed to an AST, the __hw_step__ markers added, the module
# compiled) under gdb after a warm-up compile, breaking on obmalloc's entry points for requests that
# reach glibc (0 bytes or more than 512; reallocs above 512) and on PyMem_RawCalloc, and prints one
# line per call: "M 2580 | < instr_sequence_to_cfg < optimize_and_assemble_code_unit < ...".
# How compiler/cheap/sequenceCost.ts was found (3.12's and 3.13's graph, stacks and maps).
set -euo pipefail
V=$1
S=$2
PY=$(pyenv root)/versions/$V/bin/python${V%.*}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/drive.py" <<'EOP'
import sys, _ast
compile(compile(b"pass\n", "x", "exec", 0x400), "x", "exec")  # the _ast types, made once
src = open(sys.argv[1], "rb").read()
tree = compile(src, "x", "exec", 0x400)
def step(i, line):
    call = _ast.Call(func=_ast.Name(id="__hw_step__", ctx=_ast.Load()), args=[_ast.Constant(value=i)], keywords=[])
    node = _ast.Expr(value=call)
    for n in (node, call, call.func, call.args[0]):
        n.lineno = n.end_lineno = line
        n.col_offset = n.end_col_offset = 0
    return node
body = [step(0, 1)]
for i, stmt in enumerate(tree.body, 1):
    body.append(stmt)
    body.append(step(i, stmt.end_lineno))
compile(_ast.Module(body=body, type_ignores=[]), "x", "exec")
EOP
cat > "$TMP/cmds" <<'EOC'
set pagination off
set breakpoint pending on
set print frame-arguments none
break builtin_compile
commands
silent
enable 2 3 4 5
cont
end
break _PyObject_Malloc if nbytes == 0 || nbytes > 512
commands
silent
printf "M %lu\n", nbytes
bt 5
cont
end
break _PyObject_Calloc if nelem*elsize == 0 || nelem*elsize > 512
commands
silent
printf "C %lu %lu\n", nelem, elsize
bt 5
cont
end
break _PyObject_Realloc if nbytes > 512
commands
silent
printf "R %lu\n", nbytes
bt 5
cont
end
break _PyMem_RawCalloc
commands
silent
printf "RC %lu %lu\n", nelem, elsize
bt 4
cont
end
disable 2 3 4 5
ignore 1 2
run
EOC
gdb -q -batch -x "$TMP/cmds" --args "$PY" -S "$TMP/drive.py" "$S" 2>/dev/null |
  sed -E 's/0x[0-9a-f]+ in //; s/ \(.*\) at .*$//; s/ at .*$//' |
  awk '/^(M|C|R|RC) /{ if (h != "") print h " |" f; h = $0; f = ""; next }
       /^#[1-4] /{ f = f " < " $2 }
       END { if (h != "") print h " |" f }' |
  grep -v '^RC .*_PyObject_Calloc' || true
