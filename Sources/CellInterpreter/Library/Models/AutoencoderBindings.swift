import GenerativeModels
import NeuralNetworks
import Tensors

/// The autoencoder family: Autoencoder, VAE and VQ-VAE.
extension Registry {
    func registerAutoencoders() {
        registerAutoencoder()
        registerVAE()
        registerVQVAE()
    }

    private func registerAutoencoder() {
        let ae = TypeBinding("Autoencoder", doc: "An encoder and a decoder MLP trained to reconstruct their input through a narrow code.")
        func box(_ m: Autoencoder) -> Value {
            .object(ModelBox(m, typeName: "Autoencoder") { m in "\(m.inputSize) → \(m.latentSize) → \(m.inputSize)" })
        }
        ae.initializer(NativeFunction("init(widths: [Int], activation: String = \"relu\", outputActivation: String = \"identity\", seed: Int? = nil)",
                                      doc: "Encoder through the widths (input first, code last); the decoder mirrors it.") { call in
            box(try Autoencoder(widths: try call.ints(0), activation: try activation(call, 1, default: "relu"),
                                outputActivation: try activation(call, 2, default: "identity"), seed: try call.seed(3)))
        })
        ae.staticMethod(NativeFunction("linear(inputSize: Int, latentSize: Int, seed: Int? = nil) -> Autoencoder",
                                       doc: "A linear autoencoder: at its optimum it spans PCA's top subspace.") { call in
            box(try Autoencoder.linear(inputSize: try call.int(0), latentSize: try call.int(1), seed: try call.seed(2)))
        })
        ae.method(NativeFunction("fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                                 doc: "Minimises the squared reconstruction error with Adam.") { call in
            try call.model(Autoencoder.self).fit(try call.tensor(0), epochs: try call.int(1, default: 30), batchSize: try call.int(2, default: 64),
                                                 learningRate: try call.double(3, default: 3e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        ae.method(NativeFunction("encode(_ x: Tensor) -> Tensor", doc: "The code of each row.") { call in
            .tensor(try call.model(Autoencoder.self).encode(try call.tensor(0)))
        })
        ae.method(NativeFunction("decode(_ z: Tensor) -> Tensor", doc: "The reconstruction from each code.") { call in
            .tensor(try call.model(Autoencoder.self).decode(try call.tensor(0)))
        })
        ae.method(NativeFunction("reconstruct(_ x: Tensor) -> Tensor", doc: "decode(encode(x)).") { call in
            .tensor(try call.model(Autoencoder.self).reconstruct(try call.tensor(0)))
        })
        ae.method(NativeFunction("reconstructionError(_ x: Tensor) -> Double", doc: "The mean squared error per element.") { call in
            .double(try call.model(Autoencoder.self).reconstructionError(try call.tensor(0)))
        })
        ae.property(NativeProperty("decoderWeight", "Tensor", doc: "The last decoder layer's weight (for a linear autoencoder: its subspace).", get: { v in
            guard case .object(let b as ModelBox<Autoencoder>) = v, let last = b.model.decoder.layers.last else { return .none }
            return .tensor(last.weight)
        }))
        addTrainedModelMembers(ae, Autoencoder.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
        type(ae, topic: "Models: autoencoders")
    }

    private func registerVAE() {
        let vae = TypeBinding("VAE", doc: "A variational autoencoder: Gaussian encoder q(z|x), decoder p(x|z), trained on the ELBO (Kingma & Welling, 2014).")
        vae.initializer(NativeFunction(
            "init(inputSize: Int, latentSize: Int = 2, hiddenSizes: [Int] = [128], activation: String = \"relu\", likelihood: String = \"bernoulli\", decoderStandardDeviation: Double = 0.1, seed: Int? = nil)",
            doc: "likelihood: \"bernoulli\" (binary or [0, 1] data) or \"gaussian\" with a fixed standard deviation.") { call in
            let name = try call.string(4, default: "bernoulli")
            let likelihood: DecoderLikelihood
            switch name {
            case "bernoulli": likelihood = .bernoulli
            case "gaussian": likelihood = .gaussian(standardDeviation: try call.double(5, default: 0.1))
            default: throw call.fail("unknown likelihood '\(name)'; choose \"bernoulli\" or \"gaussian\"")
            }
            let m = try VAE(inputSize: try call.int(0), latentSize: try call.int(1, default: 2), hiddenSizes: try call.ints(2, default: [128]),
                            activation: try activation(call, 3, default: "relu"), likelihood: likelihood, seed: try call.seed(6))
            return .object(ModelBox(m, typeName: "VAE") { m in "\(m.inputSize) → \(m.latentSize)-d latent, \(m.likelihood) decoder" })
        })
        vae.method(NativeFunction("fit(_ data: Tensor, epochs: Int = 50, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                                  doc: "Maximises the ELBO with the reparameterisation trick and Adam.") { call in
            try call.model(VAE.self).fit(try call.tensor(0), epochs: try call.int(1, default: 50), batchSize: try call.int(2, default: 64),
                                         learningRate: try call.double(3, default: 3e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        vae.method(NativeFunction("encode(_ x: Tensor) -> (mean: Tensor, logVariance: Tensor, standardDeviation: Tensor)",
                                  doc: "q(z|x) = N(mean, diag(σ²)) for each row.") { call in
            let code = try call.model(VAE.self).encode(try call.tensor(0))
            return call.record(["mean": .tensor(code.mean), "logVariance": .tensor(code.logVariance),
                                "standardDeviation": .tensor(code.standardDeviation)])
        })
        vae.method(NativeFunction("decode(_ z: Tensor) -> Tensor", doc: "The mean of p(x|z) for each code (pixel probabilities for Bernoulli).") { call in
            .tensor(try call.model(VAE.self).decode(try call.tensor(0)))
        })
        vae.method(NativeFunction("reconstruct(_ x: Tensor) -> Tensor", doc: "Decodes the posterior mean of each row.") { call in
            .tensor(try call.model(VAE.self).reconstruct(try call.tensor(0)))
        })
        vae.method(NativeFunction("elbo(_ x: Tensor, samples: Int = 1, seed: Int? = nil) -> (total: Double, reconstruction: Double, kl: Double)",
                                  doc: "The ELBO per row in nats, split into E_q[log p(x|z)] and KL(q(z|x) ‖ p(z)).") { call in
            let e = try call.model(VAE.self).elbo(try call.tensor(0), samples: try call.int(1, default: 1), seed: try call.seed(2))
            return call.record(["total": .double(e.total), "reconstruction": .double(e.reconstruction), "kl": .double(e.kl)])
        })
        vae.method(NativeFunction("logLikelihood(_ x: Tensor, samples: Int = 100, seed: Int? = nil) -> Double",
                                  doc: "The importance-weighted estimate of log p(x) per row (≥ the ELBO, rising with samples).") { call in
            .double(try call.model(VAE.self).logLikelihood(try call.tensor(0), samples: try call.int(1, default: 100), seed: try call.seed(2)))
        })
        vae.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Decodes codes drawn from the prior N(0, I).") { call in
            .tensor(try call.model(VAE.self).sample(try call.int(0), seed: try call.seed(1)))
        })
        vae.method(NativeFunction("latentGrid(steps: Int = 10, span: Double = 2, dimensions: [Int] = [0, 1]) -> Tensor",
                                  doc: "Decodes a steps × steps grid of codes over two latent dimensions (rows in reading order).") { call in
            .tensor(try call.model(VAE.self).latentGrid(steps: try call.int(0, default: 10), span: try call.double(1, default: 2),
                                                        dimensions: try call.ints(2, default: [0, 1])))
        })
        vae.method(NativeFunction("latentTraversal(dimension: Int, steps: Int = 10, span: Double = 2) -> Tensor",
                                  doc: "Decodes codes moved along one latent dimension from the origin.") { call in
            .tensor(try call.model(VAE.self).latentTraversal(dimension: try call.int(0), steps: try call.int(1, default: 10),
                                                             span: try call.double(2, default: 2)))
        })
        addTrainedModelMembers(vae, VAE.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
        type(vae, topic: "Models: autoencoders")
    }

    private func registerVQVAE() {
        let vq = TypeBinding("VQVAE", doc: "A vector-quantised autoencoder: codes snapped to a learned codebook (van den Oord et al., 2017).")
        vq.initializer(NativeFunction(
            "init(inputSize: Int, latentCount: Int = 4, codeSize: Int = 8, codebookSize: Int = 32, hiddenSizes: [Int] = [128], beta: Double = 0.25, seed: Int? = nil)",
            doc: "latentCount codes of codeSize each per input, from a codebook of codebookSize vectors; beta weighs the commitment loss.") { call in
            let m = try VQVAE(inputSize: try call.int(0), latentCount: try call.int(1, default: 4), codeSize: try call.int(2, default: 8),
                              codebookSize: try call.int(3, default: 32), hiddenSizes: try call.ints(4, default: [128]),
                              beta: try call.double(5, default: 0.25), seed: try call.seed(6))
            return .object(ModelBox(m, typeName: "VQVAE") { m in
                "\(m.inputSize) → \(m.latentCount) codes from a book of \(m.codebookSize) × \(m.codeSize)"
            })
        })
        vq.method(NativeFunction("fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.003, seed: Int? = nil)",
                                 doc: "Reconstruction + codebook + β·commitment, straight-through gradients, Adam.") { call in
            try call.model(VQVAE.self).fit(try call.tensor(0), epochs: try call.int(1, default: 30), batchSize: try call.int(2, default: 64),
                                           learningRate: try call.double(3, default: 3e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        vq.method(NativeFunction("encode(_ x: Tensor) -> Tensor", doc: "The encoder's continuous outputs z_e, rows × latentCount × codeSize.") { call in
            .tensor(try call.model(VQVAE.self).encode(try call.tensor(0)))
        })
        vq.method(NativeFunction("codes(_ x: Tensor) -> Tensor", doc: "The index of the nearest codebook vector for each latent of each row.") { call in
            .tensor(try call.model(VQVAE.self).codes(try call.tensor(0)))
        })
        vq.method(NativeFunction("decode(codes: Tensor) -> Tensor", doc: "Decodes rows of code indices.") { call in
            .tensor(try call.model(VQVAE.self).decode(codes: try call.tensor(0)))
        })
        vq.method(NativeFunction("reconstruct(_ x: Tensor) -> Tensor", doc: "Encodes, quantises and decodes.") { call in
            .tensor(try call.model(VQVAE.self).reconstruct(try call.tensor(0)))
        })
        vq.method(NativeFunction("reconstructionError(_ x: Tensor) -> Double", doc: "The mean squared error per element.") { call in
            .double(try call.model(VQVAE.self).reconstructionError(try call.tensor(0)))
        })
        vq.method(NativeFunction("losses(_ x: Tensor) -> (total: Double, reconstruction: Double, codebook: Double, commitment: Double)",
                                 doc: "The three terms of the VQ-VAE objective on the rows.") { call in
            let l = try call.model(VQVAE.self).losses(try call.tensor(0))
            return call.record(["total": .double(l.total), "reconstruction": .double(l.reconstruction),
                                "codebook": .double(l.codebook), "commitment": .double(l.commitment)])
        })
        vq.method(NativeFunction("codebookUsage(_ x: Tensor) -> (counts: [Int], used: Int, fraction: Double, perplexity: Double)",
                                 doc: "How often each code is chosen, how many are used, and the perplexity exp(H).") { call in
            let u = try call.model(VQVAE.self).codebookUsage(try call.tensor(0))
            return call.record(["counts": .ints(u.counts), "used": .int(u.used), "fraction": .double(u.fraction), "perplexity": .double(u.perplexity)])
        })
        vq.method(NativeFunction("perplexity(_ x: Tensor) -> Double", doc: "exp of the entropy of code usage (the number of codes in effective use).") { call in
            .double(try call.model(VQVAE.self).perplexity(try call.tensor(0)))
        })
        vq.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> Tensor",
                                 doc: "Decodes codes drawn independently from their training frequencies (no learned prior).") { call in
            .tensor(try call.model(VQVAE.self).sample(try call.int(0), seed: try call.seed(1)))
        })
        vq.property(NativeProperty("codebook", "Tensor", doc: "The codebook, codebookSize × codeSize.", get: { v in
            guard case .object(let b as ModelBox<VQVAE>) = v else { return .none }
            return .tensor(b.model.codebook)
        }))
        addTrainedModelMembers(vq, VQVAE.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
        type(vq, topic: "Models: autoencoders")
    }

    /// `save(to:)`, `load(from:)` and `history`, shared by every trained model.
    func addTrainedModelMembers<M: AnyObject>(
        _ binding: TypeBinding, _ type: M.Type, save: @escaping (M, String) throws -> Void,
        load: @escaping (M, String) throws -> Void, history: @escaping (M) -> LossHistory
    ) {
        binding.method(NativeFunction("save(to path: String)", doc: "Writes the trained weights to a checkpoint file (path relative to the notebook).") { call in
            try save(try call.model(M.self), try call.path(0))
            return .void
        })
        binding.method(NativeFunction("load(from path: String)", doc: "Reads weights saved by save(to:) into a model of the same shape.") { call in
            try load(try call.model(M.self), try call.path(0))
            return .void
        })
        binding.property(NativeProperty("history", "LossHistory", doc: "The losses recorded per training step, by name.", get: { v in
            guard case .object(let b as ModelBox<M>) = v else { return .none }
            return .object(HistoryValue(history(b.model)))
        }))
    }
}
