"""wordfreq: count words in some text, print the top N.

Usage (if it were a file): python wordfreq.py [N]
"""
import sys
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""


def words(text):
    for raw in text.split():
        w = raw.strip(".,;:!?\"'").lower()
        if w:
            yield w


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    top = int(argv[0]) if argv else 5
    corpus = "\n".join([TEXT] * 4000)
    counts = Counter(words(corpus))
    width = max(len(w) for w in counts)
    for word, n in counts.most_common(top):
        print(f"{word:<{width}} {n:>8}")
    return 0


if __name__ == "__main__":
    main()
