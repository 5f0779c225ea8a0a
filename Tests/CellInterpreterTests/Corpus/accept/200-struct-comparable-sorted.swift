struct Version: Comparable, CustomStringConvertible {
    var major: Int
    var minor: Int
    static func < (a: Version, b: Version) -> Bool {
        (a.major, a.minor) < (b.major, b.minor)
    }
    var description: String { "v\(major).\(minor)" }
}
let vs = [Version(major: 2, minor: 1), Version(major: 1, minor: 9), Version(major: 2, minor: 0)]
print(vs.sorted())
print(vs.max()!)
print(Version(major: 1, minor: 0) < Version(major: 1, minor: 1))
print(Version(major: 3, minor: 0) >= Version(major: 2, minor: 9))
