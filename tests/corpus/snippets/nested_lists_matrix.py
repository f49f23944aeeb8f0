N = 1500
matrix = [[i * j for j in range(N)] for i in range(N)]
row_sums = [sum(row) for row in matrix]
print(max(row_sums))
del matrix
del row_sums
