import Foundation
let s = "   padded text  "
print("[" + s.trimmingCharacters(in: .whitespaces) + "]")
let csv = "a;b;;c"
print(csv.components(separatedBy: ";"))
let t = "the cat sat on the mat"
print(t.replacingOccurrences(of: "at", with: "og"))
print(t.components(separatedBy: " ").count)
