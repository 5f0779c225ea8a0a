func f() {}
f()