enum ParseError: Error {
    case empty
    case badChar(Character)
}
struct OtherError: Error { let code: Int }
func parse(_ s: String) throws -> Int {
    if s.isEmpty { throw ParseError.empty }
    if s == "!" { throw OtherError(code: 7) }
    for c in s where !c.isNumber { throw ParseError.badChar(c) }
    return Int(s)!
}
for input in ["12", "", "4a", "!"] {
    do {
        print(try parse(input))
    } catch let e as ParseError {
        print("parse error:", e)
    } catch {
        print("generic:", error)
    }
}
