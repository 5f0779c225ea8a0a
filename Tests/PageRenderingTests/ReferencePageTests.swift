import CellInterpreter
import PageRendering
import Testing

struct ReferencePageTests {
    @Test func everythingInTheRegistryIsListedWithItsDoc() {
        let registry = Registry.standard
        let page = ReferencePage.render(registry)
        for (name, functions) in registry.functions {
            #expect(page.contains("<code>\(name)</code></a>"), "free function \(name) missing from the index")
            for f in functions { #expect(page.contains(HTML.escape(f.doc)), "doc of \(f.signature) missing") }
        }
        for (name, type) in registry.types {
            #expect(page.contains("<h3><code>\(name)</code></h3>"), "type \(name) missing")
            for (_, methods) in type.methods {
                for m in methods where m.name != "subscriptSet" && m.name != "elements" {
                    #expect(page.contains(HTML.escape(m.doc)), "doc of \(name).\(m.signature) missing")
                }
            }
        }
    }

    @Test func everyBindingHasAOneLineDoc() {
        let registry = Registry.standard
        let all = registry.functions.values.flatMap { $0 }
            + registry.types.values.flatMap { t in t.initializers + t.methods.values.flatMap { $0 } + t.staticMethods.values.flatMap { $0 } }
        for f in all {
            #expect(!f.doc.isEmpty && !f.doc.contains("\n"), "\(f.signature) needs a one-line doc")
        }
    }
}
