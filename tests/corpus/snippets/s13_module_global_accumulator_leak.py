_seen_requests = []

def handle(request_id, body):
    _seen_requests.append((request_id, body))
    return len(body)

def serve(n):
    total = 0
    for i in range(n):
        total += handle(i, f"payload-{i}-" + "z" * 64)
    return total

for batch in range(5):
    served = serve(20000)
    print(f"batch {batch}: served {served} bytes, log size {len(_seen_requests)}")

del _seen_requests[:-100]
print("trimmed:", len(_seen_requests))
_seen_requests.clear()
