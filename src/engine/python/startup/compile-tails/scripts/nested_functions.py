def outer(n):
    data = list(range(n))

    def middle(k):
        def inner(j):
            return data[j] * k
        return [inner(j) for j in range(len(data))]

    return middle(3)


result = outer(10000)
print(len(result))
del result
