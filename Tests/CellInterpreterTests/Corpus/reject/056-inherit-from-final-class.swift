final class Base {}
class Derived: Base {}
print(Derived())
