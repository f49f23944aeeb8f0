größe = [i for i in range(1000)]
café = {"naïve": größe, "résumé": "ok"}
λ = lambda x: x * 2
print(len(café["naïve"]), λ(3), "日本語テキスト" * 10)
