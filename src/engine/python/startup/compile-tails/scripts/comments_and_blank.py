# A script with many comments and blank lines.
# The tokenizer skips them: they cost nothing but the source buffer.


# setup


values = list(range(1000))  # the data


# work
# more work
squares = [v * v for v in values]  # squared


# done
del values
