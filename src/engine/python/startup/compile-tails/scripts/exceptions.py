class AppError(Exception):
    pass


def risky(i):
    if i % 7 == 0:
        raise AppError(f"bad {i}")
    return i


kept = []
for i in range(1000):
    try:
        kept.append(risky(i))
    except AppError as e:
        kept.append(str(e))
    finally:
        pass
