// A raw type must come first in an enum's inheritance clause.
enum E: Equatable, Int { case a }
print(E.a)
