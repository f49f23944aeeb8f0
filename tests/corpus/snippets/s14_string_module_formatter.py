import string

print(string.ascii_lowercase[:5], string.digits, len(string.punctuation))

table = str.maketrans("", "", string.punctuation)
lines = [f"Hello, world! line #{i}; value={i * 3}." for i in range(50000)]
clean = [ln.translate(table) for ln in lines]
print(clean[7])

titles = [string.capwords(f"the {i}th chapter of memory") for i in range(20000)]
print(titles[11])


class Upper(string.Formatter):
    def format_field(self, value, spec):
        if spec == "u":
            return str(value).upper()
        return super().format_field(value, spec)


fmt = Upper()
rendered = [fmt.format("{0:u}-{1:>6}-{2:.2f}", f"id{i}", i, i / 7) for i in range(20000)]
print(rendered[100])
print(sum(ch in string.hexdigits for ch in "".join(clean[:1000])))
del lines, clean, titles, rendered
print(string.Template("$who owes $$${amount}").substitute(who="Ann", amount=5))
