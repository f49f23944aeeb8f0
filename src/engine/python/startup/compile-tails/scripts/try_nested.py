def parse(s):
    try:
        try:
            return int(s)
        except ValueError:
            return float(s)
    except ValueError:
        return None
    finally:
        s = None


vals = [parse(x) for x in ["1", "2.5", "x", "7"] * 1000]
