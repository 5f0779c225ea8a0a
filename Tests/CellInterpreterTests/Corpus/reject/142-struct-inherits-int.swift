// A struct cannot inherit from Int (only an enum takes a raw type).
struct S: Int { var x = 1 }
print(S().x)
