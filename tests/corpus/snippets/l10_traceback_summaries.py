import traceback


def parse(record):
    payload = record * 200
    return int(payload)


summaries = []
errors = []
for i in range(300):
    try:
        parse(f"x{i}")
    except ValueError as exc:
        summaries.append(traceback.extract_tb(exc.__traceback__))
        errors.append(exc)
print(len(summaries), summaries[0][-1].name, summaries[0][-1].line)
text = "".join(traceback.format_list(summaries[-1]))
print(text.count("File"), "int(payload)" in text)
for exc in errors:
    traceback.clear_frames(exc.__traceback__)
print(errors[0].__traceback__.tb_next.tb_frame.f_locals)
del errors
stack = traceback.extract_stack()
print(len(stack), stack[-1].name)
del summaries
