import html

# user comments escaped for a page, then the stored copies decoded again
comments = [f"<b>user{i}</b> says: 5 > 3 & \"quotes\" aren't <script>alert({i})</script>" for i in range(40000)]
print(len(comments))

escaped = [html.escape(c) for c in comments]
print(escaped[7][:60], sum(map(len, escaped)))

del comments
decoded = [html.unescape(e) for e in escaped[:15000]]
print(decoded[7][:40], html.unescape("caf&eacute; &#8364;5 &copy; &notin; &amp;amp;"))

del escaped
print(len(decoded))
