let count = 3
cuont