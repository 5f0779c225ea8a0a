import CellInterpreter
import PageRendering
import Testing

struct ReferencePageTests {
    /// Every name of every topic has an entry, and the page shows each of its signatures and docs.
    @Test func everythingInTheRegistryIsListedWithItsDoc() throws {
        let registry = Registry.standard
        let page = ReferencePage.render(registry)
        #expect(registry.topics.count > 5)
        for topic in registry.topics {
            for name in topic.names {
                let entry = try #require(registry.referenceEntry(name), "\(name) of \(topic.title) has no entry")
                #expect(page.contains("<code>\(HTML.escape(name))</code></a>"), "\(name) missing from the index")
                if entry.isType { #expect(page.contains("<h3><code>\(HTML.escape(name))</code></h3>"), "type \(name) missing") }
                for item in entry.sections.flatMap(\.items) where !item.doc.isEmpty {
                    #expect(page.contains(HTML.escape(item.doc)), "doc of \(item.signature) missing")
                }
            }
        }
    }

    /// The model library's bindings (what the course adds to Swift) each say what they do in one line.
    @Test func everyLibraryBindingHasAOneLineDoc() throws {
        let registry = Registry.standard
        for name in ["Tensor", "Linalg", "MLP", "Adam", "Dataset", "LabeledData", "PPCA", "MADE", "VAE", "VQVAE", "GAN", "DDPM",
                     "Evaluation", "scatter", "plot", "hist", "imageGrid", "valueAndGrad", "mse", "timeIt"] {
            let entry = try #require(registry.referenceEntry(name), "\(name) is not bound")
            if entry.isType { #expect(!entry.doc.isEmpty, "\(name) needs a doc") }
            for item in entry.sections.flatMap(\.items) {
                #expect(!item.doc.isEmpty && !item.doc.contains("\n"), "\(name): \(item.signature) needs a one-line doc")
            }
        }
    }

    @Test func signaturesReadAsSwift() throws {
        let page = ReferencePage.render(.standard)
        let vae = try #require(Registry.standard.referenceEntry("VAE"))
        let signatures = vae.sections.flatMap(\.items).map(\.signature)
        #expect(signatures.contains { $0.hasPrefix("VAE(inputSize: Int, latentSize: Int = 2") })
        #expect(signatures.contains("func elbo(_ x: Tensor, samples: Int = 1, seed: Int? = nil) -> (total: Double, reconstruction: Double, kl: Double)"))
        #expect(page.contains("Models: autoencoders"))
    }
}
