enum Result2: Equatable {
    case success(Int)
    case failure(String)
}
let r1 = Result2.success(3)
let r2 = Result2.success(3)
let r3 = Result2.failure("bad")
print(r1 == r2, r1 == r3)
print([r1, r3].contains(.failure("bad")))
print(r3)
