#!/usr/bin/env python3
"""textstats: line, word and character statistics for some text."""

import sys

SAMPLE = """\
The quick brown fox jumps over the lazy dog.
Pack my box with five dozen liquor jugs!
How vexingly quick daft zebras jump.
"""


def stats(lines):
    n_lines = n_words = n_chars = 0
    longest = ""
    lengths = {}
    for line in lines:
        n_lines += 1
        n_chars += len(line)
        for word in line.split():
            n_words += 1
            word = word.strip(".,!?")
            lengths[len(word)] = lengths.get(len(word), 0) + 1
            if len(word) > len(longest):
                longest = word
    return n_lines, n_words, n_chars, longest, lengths


def main():
    text = SAMPLE * 20_000
    lines = text.splitlines(keepends=True)
    n_lines, n_words, n_chars, longest, lengths = stats(lines)
    print(f"lines={n_lines} words={n_words} chars={n_chars}")
    print("longest word:", longest)
    for length in sorted(lengths):
        bar = "#" * (lengths[length] * 40 // max(lengths.values()))
        print(f"{length:>3} {bar}")
    return 0


if __name__ == "__main__":
    status = main()
    print("exit status", status, file=sys.stdout)
