import sys


def sieve_list(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for p in range(2, int(n**0.5) + 1):
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
    return is_prime


def sieve_bytearray(n):
    flags = bytearray([1]) * (n + 1)
    flags[0] = flags[1] = 0
    for p in range(2, int(n**0.5) + 1):
        if flags[p]:
            flags[p * p :: p] = bytes(len(range(p * p, n + 1, p)))
    return flags


N = 1_000_000
as_list = sieve_list(N)
print("list flags:", sys.getsizeof(as_list) // 1024, "KiB, primes:", sum(as_list))

as_bytes = sieve_bytearray(N)
print("bytearray flags:", sys.getsizeof(as_bytes) // 1024, "KiB, primes:", sum(as_bytes))

primes = [i for i, f in enumerate(as_bytes) if f]
print("last primes:", primes[-3:])
del as_list

twin = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
print("twin primes:", twin)
prime_set = set(primes)
print("is 999983 prime?", 999_983 in prime_set)
del primes, prime_set, as_bytes
