CONFIG = {
    "rows": 60000,
    "buckets": 16,
    "keep_top": 5,
    "label": "orders",
}


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def load(cfg):
    return [{"id": i, "bucket": i % cfg["buckets"], "amount": (i * 37) % 1000 / 10}
            for i in range(cfg["rows"])]


def summarize(rows, cfg):
    totals = {}
    for row in rows:
        totals[row["bucket"]] = totals.get(row["bucket"], 0.0) + row["amount"]
    best = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)[: cfg["keep_top"]]
    return totals, best


def main(cfg=CONFIG):
    before = rss_kb()
    rows = load(cfg)
    after_load = rss_kb()
    totals, best = summarize(rows, cfg)
    print(f"{cfg['label']}: {len(rows)} rows in {len(totals)} buckets")
    for bucket, amount in best:
        print(f"  bucket {bucket:>2}: {amount:12.1f}")
    del rows
    print("grew by at least", (after_load - before) > 1000, "kB; rss known:", rss_kb() > 0)
    return best


if __name__ == "__main__":
    result = main()
    print(len(result))
