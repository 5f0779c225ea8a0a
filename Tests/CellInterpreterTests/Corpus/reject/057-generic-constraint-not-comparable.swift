struct P {}
func largest<T: Comparable>(_ xs: [T]) -> T { xs.max()! }
print(largest([P()]))
