import GenerativeModels
import NeuralNetworks
import Tensors

extension Registry {
    /// The autoencoder family: Autoencoder, VAE and VQ-VAE.
    func registerAutoencoders() {
        extend(libraryDecl("Autoencoder")) { t in
            t.staticMethod("init(widths: [Int], activation: String = \"relu\", outputActivation: String = \"identity\", seed: Int? = nil)",
                           doc: "Encoder through the widths (input first, code last); the decoder mirrors it.") {
                (cx, widths: [Int], a: String, o: String, seed: Int?) in
                try Autoencoder(widths: widths, activation: try activation(a, cx), outputActivation: try activation(o, cx), seed: try cx.seed(seed))
            }
            t.staticMethod("static func linear(inputSize: Int, latentSize: Int, seed: Int? = nil) -> Autoencoder",
                           doc: "A linear autoencoder: at its optimum it spans PCA's top subspace.") { (cx, inputs: Int, latent: Int, seed: Int?) in
                try Autoencoder.linear(inputSize: inputs, latentSize: latent, seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                            doc: "Minimises the squared reconstruction error with Adam.") {
                (cx, m: Autoencoder, x: Tensor, epochs: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(x, epochs: epochs, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func encode(_ x: Tensor) -> Tensor", doc: "The code of each row.") { (m: Autoencoder, x: Tensor) in try m.encode(x) }
            t.method("func decode(_ z: Tensor) -> Tensor", doc: "The reconstruction from each code.") { (m: Autoencoder, z: Tensor) in try m.decode(z) }
            t.method("func reconstruct(_ x: Tensor) -> Tensor", doc: "decode(encode(x)).") { (m: Autoencoder, x: Tensor) in try m.reconstruct(x) }
            t.method("func reconstructionError(_ x: Tensor) -> Double", doc: "The mean squared error per element.") { (m: Autoencoder, x: Tensor) in
                try m.reconstructionError(x)
            }
            t.property("var decoderWeight: Tensor", doc: "The last decoder layer's weight (for a linear autoencoder: its subspace).") {
                (m: Autoencoder) in
                guard let last = m.decoder.layers.last else { throw BridgingError(expected: "a decoder with a layer") }
                return last.weight
            }
        }
        addTrainedModelMembers(libraryDecl("Autoencoder"), Autoencoder.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) },
                               history: { $0.history })

        extend(libraryDecl("VAE")) { t in
            t.staticMethod("init(inputSize: Int, latentSize: Int = 2, hiddenSizes: [Int] = [128], activation: String = \"relu\", likelihood: String = \"bernoulli\", decoderStandardDeviation: Double = 0.1, initialization: String = \"default\", seed: Int? = nil)",
                           doc: "likelihood: \"bernoulli\" (binary or [0, 1] data) or \"gaussian\" with a fixed standard deviation; initialization: \"default\" or \"pytorch\".") {
                (cx, inputs: Int, latent: Int, hidden: [Int], a: String, name: String, sd: Double, i: String, seed: Int?) in
                let likelihood: DecoderLikelihood
                switch name {
                case "bernoulli": likelihood = .bernoulli
                case "gaussian": likelihood = .gaussian(standardDeviation: sd)
                default: throw cx.fail("unknown likelihood '\(name)'; choose \"bernoulli\" or \"gaussian\"")
                }
                return try VAE(inputSize: inputs, latentSize: latent, hiddenSizes: hidden, activation: try activation(a, cx),
                               likelihood: likelihood, initialization: try initialization(i, cx), seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, epochs: Int = 50, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                            doc: "Maximises the ELBO with the reparameterisation trick and Adam.") {
                (cx, m: VAE, x: Tensor, epochs: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(x, epochs: epochs, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func encode(_ x: Tensor) -> (mean: Tensor, logVariance: Tensor, standardDeviation: Tensor)",
                     doc: "q(z|x) = N(mean, diag(σ²)) for each row.") { (m: VAE, x: Tensor) in
                let code = try m.encode(x)
                return Triple(code.mean, code.logVariance, code.standardDeviation)
            }
            t.method("func decode(_ z: Tensor) -> Tensor", doc: "The mean of p(x|z) for each code (pixel probabilities for Bernoulli).") {
                (m: VAE, z: Tensor) in try m.decode(z)
            }
            t.method("func reconstruct(_ x: Tensor) -> Tensor", doc: "Decodes the posterior mean of each row.") { (m: VAE, x: Tensor) in
                try m.reconstruct(x)
            }
            t.contextMethod("func elbo(_ x: Tensor, samples: Int = 1, seed: Int? = nil) -> (total: Double, reconstruction: Double, kl: Double)",
                            doc: "The ELBO per row in nats, split into E_q[log p(x|z)] and KL(q(z|x) ‖ p(z)).") {
                (cx, m: VAE, x: Tensor, samples: Int, seed: Int?) in
                let e = try m.elbo(x, samples: samples, seed: try cx.seed(seed))
                return Triple(e.total, e.reconstruction, e.kl)
            }
            t.contextMethod("func logLikelihood(_ x: Tensor, samples: Int = 100, seed: Int? = nil) -> Double",
                            doc: "The importance-weighted estimate of log p(x) per row (≥ the ELBO, rising with samples).") {
                (cx, m: VAE, x: Tensor, samples: Int, seed: Int?) in try m.logLikelihood(x, samples: samples, seed: try cx.seed(seed))
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Decodes codes drawn from the prior N(0, I).") {
                (cx, m: VAE, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed))
            }
            t.method("func latentGrid(steps: Int = 10, span: Double = 2, dimensions: [Int] = [0, 1]) -> Tensor",
                     doc: "Decodes a steps × steps grid of codes over two latent dimensions (rows in reading order).") {
                (m: VAE, steps: Int, span: Double, dimensions: [Int]) in try m.latentGrid(steps: steps, span: span, dimensions: dimensions)
            }
            t.method("func latentTraversal(dimension: Int, steps: Int = 10, span: Double = 2) -> Tensor",
                     doc: "Decodes codes moved along one latent dimension from the origin.") {
                (m: VAE, dimension: Int, steps: Int, span: Double) in try m.latentTraversal(dimension: dimension, steps: steps, span: span)
            }
        }
        addTrainedModelMembers(libraryDecl("VAE"), VAE.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })

        extend(libraryDecl("VQVAE")) { t in
            t.staticMethod("init(inputSize: Int, latentCount: Int = 4, codeSize: Int = 8, codebookSize: Int = 32, hiddenSizes: [Int] = [128], beta: Double = 0.25, seed: Int? = nil)",
                           doc: "latentCount codes of codeSize each per input, from a codebook of codebookSize vectors; beta weighs the commitment loss.") {
                (cx, inputs: Int, latents: Int, codeSize: Int, bookSize: Int, hidden: [Int], beta: Double, seed: Int?) in
                try VQVAE(inputSize: inputs, latentCount: latents, codeSize: codeSize, codebookSize: bookSize, hiddenSizes: hidden, beta: beta,
                          seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                            doc: "Reconstruction + codebook + β·commitment, straight-through gradients, Adam.") {
                (cx, m: VQVAE, x: Tensor, epochs: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(x, epochs: epochs, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func encode(_ x: Tensor) -> Tensor", doc: "The encoder's continuous outputs z_e, rows × latentCount × codeSize.") {
                (m: VQVAE, x: Tensor) in try m.encode(x)
            }
            t.method("func codes(_ x: Tensor) -> Tensor", doc: "The index of the nearest codebook vector for each latent of each row.") {
                (m: VQVAE, x: Tensor) in try m.codes(x)
            }
            t.method("func decode(codes: Tensor) -> Tensor", doc: "Decodes rows of code indices.") { (m: VQVAE, c: Tensor) in try m.decode(codes: c) }
            t.method("func reconstruct(_ x: Tensor) -> Tensor", doc: "Encodes, quantises and decodes.") { (m: VQVAE, x: Tensor) in try m.reconstruct(x) }
            t.method("func reconstructionError(_ x: Tensor) -> Double", doc: "The mean squared error per element.") { (m: VQVAE, x: Tensor) in
                try m.reconstructionError(x)
            }
            t.method("func losses(_ x: Tensor) -> (total: Double, reconstruction: Double, codebook: Double, commitment: Double)",
                     doc: "The three terms of the VQ-VAE objective on the rows.") { (m: VQVAE, x: Tensor) in
                let l = try m.losses(x)
                return Quadruple(l.total, l.reconstruction, l.codebook, l.commitment)
            }
            t.method("func codebookUsage(_ x: Tensor) -> (counts: [Int], used: Int, fraction: Double, perplexity: Double)",
                     doc: "How often each code is chosen, how many are used, and the perplexity exp(H).") { (m: VQVAE, x: Tensor) in
                let u = try m.codebookUsage(x)
                return Quadruple(u.counts, u.used, u.fraction, u.perplexity)
            }
            t.method("func perplexity(_ x: Tensor) -> Double", doc: "exp of the entropy of code usage (the number of codes in effective use).") {
                (m: VQVAE, x: Tensor) in try m.perplexity(x)
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor",
                            doc: "Decodes codes drawn independently from their training frequencies (no learned prior).") {
                (cx, m: VQVAE, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed))
            }
            t.property("var codebook: Tensor", doc: "The codebook, codebookSize × codeSize.") { (m: VQVAE) in m.codebook }
            t.property("var latentCount: Int", doc: "The number of codes per input (L).") { (m: VQVAE) in m.latentCount }
            t.property("var codebookSize: Int", doc: "The number of codebook vectors (K).") { (m: VQVAE) in m.codebookSize }
            t.property("var codeSize: Int", doc: "The length of each codebook vector (d).") { (m: VQVAE) in m.codeSize }
            t.property("var beta: Double", doc: "The weight of the commitment loss (β).") { (m: VQVAE) in m.beta }
        }
        addTrainedModelMembers(libraryDecl("VQVAE"), VQVAE.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
    }
}
