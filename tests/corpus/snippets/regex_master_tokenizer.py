import collections
import re

Token = collections.namedtuple('Token', ['type', 'value', 'line', 'column'])


def tokenize(code):
    keywords = {'IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'}
    token_specification = [
        ('NUMBER', r'\d+(\.\d*)?'),   # Integer or decimal number
        ('ASSIGN', r':='),            # Assignment operator
        ('END', r';'),                # Statement terminator
        ('ID', r'[A-Za-z]+'),         # Identifiers
        ('OP', r'[+\-*/]'),           # Arithmetic operators
        ('NEWLINE', r'\n'),           # Line endings
        ('SKIP', r'[ \t]+'),          # Skip over spaces and tabs
        ('MISMATCH', r'.'),           # Any other character
    ]
    tok_regex = '|'.join('(?P<%s>%s)' % pair for pair in token_specification)
    line_num = 1
    line_start = 0
    for mo in re.finditer(tok_regex, code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in keywords:
            kind = value
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            raise RuntimeError(f'{value!r} unexpected on line {line_num}')
        yield Token(kind, value, line_num, column)


statements = '''
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF;
''' * 3000

tokens = list(tokenize(statements))
print(len(tokens), tokens[:3])

kinds = collections.Counter(t.type for t in tokens)
print(kinds.most_common(4))

del tokens
