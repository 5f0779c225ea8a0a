let counter = 5
print(countr)
