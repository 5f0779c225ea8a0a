/// What `lectern reference` shows of one name cells can use: a type with its members, or a
/// global function with its overloads. Read from the registry's declarations, the same ones
/// the type checker uses, so the page cannot drift from what cells may call.
public struct ReferenceEntry: Sendable {
    /// One signature and its documentation.
    public struct Item: Sendable {
        public let signature: String
        public let doc: String
    }

    /// A titled list of items ("Initializers", "Methods" …); nil title for a function's overloads.
    public struct Section: Sendable {
        public let title: String?
        public let items: [Item]
    }

    public let name: String
    public let doc: String
    public let isType: Bool
    public let sections: [Section]
}

extension Registry {
    /// The reference entry for a name listed under a topic, or nil if it is not bound.
    public func referenceEntry(_ name: String) -> ReferenceEntry? {
        if let decl = types[name] { return typeEntry(decl) }
        if let overloads = functions[name] {
            let items = overloads.map { ReferenceEntry.Item(signature: "func " + $0.declaration, doc: $0.doc) }
            return ReferenceEntry(name: name, doc: "", isType: false, sections: [ReferenceEntry.Section(title: nil, items: items)])
        }
        return nil
    }

    private func typeEntry(_ decl: NominalDecl) -> ReferenceEntry {
        var initializers: [ReferenceEntry.Item] = []
        var statics: [ReferenceEntry.Item] = []
        var properties: [ReferenceEntry.Item] = []
        var methods: [ReferenceEntry.Item] = []
        var subscripts: [ReferenceEntry.Item] = []
        for key in decl.staticMembers.keys.sorted() {
            for member in decl.staticMembers[key]! {
                switch member {
                case .method(let f) where f.isInitializer:
                    initializers.append(.init(signature: decl.name + String(f.declaration.dropFirst(4)), doc: f.doc))
                case .method(let f):
                    statics.append(.init(signature: "static func " + f.declaration, doc: f.doc))
                case .property(let p):
                    statics.append(.init(signature: "static var \(p.name): \(p.type)", doc: p.doc))
                case .enumCase(let c):
                    statics.append(.init(signature: "case \(c.name)", doc: ""))
                default: break
                }
            }
        }
        for key in decl.instanceMembers.keys.sorted() {
            for member in decl.instanceMembers[key]! {
                switch member {
                case .method(let f):
                    methods.append(.init(signature: (f.isMutating ? "mutating func " : "func ") + f.declaration, doc: f.doc))
                case .property(let p):
                    properties.append(.init(signature: "var \(p.name): \(p.type)" + (p.isSettable ? " { get set }" : " { get }"), doc: p.doc))
                case .subscript(let s):
                    let parameters = s.parameters.map { p in (p.label.map { $0 + " " } ?? "") + "\(p.name): \(p.type)" }
                    subscripts.append(.init(signature: "subscript(\(parameters.joined(separator: ", "))) -> \(s.resultType)", doc: s.getter.doc))
                default: break
                }
            }
        }
        let sections = [("Initializers", initializers), ("Static members", statics), ("Properties", properties),
                        ("Subscripts", subscripts), ("Methods", methods)]
            .filter { !$0.1.isEmpty }
            .map { ReferenceEntry.Section(title: $0.0, items: $0.1) }
        return ReferenceEntry(name: decl.name, doc: decl.doc, isType: true, sections: sections)
    }
}
