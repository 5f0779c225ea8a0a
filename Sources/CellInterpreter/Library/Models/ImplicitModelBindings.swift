import GenerativeModels
import NeuralNetworks
import Tensors

/// GANs, diffusion models and the measures that compare any model's samples with data.
extension Registry {
    func registerImplicitModels() {
        registerGAN()
        registerDDPM()
        registerEvaluation()
    }

    private func registerGAN() {
        let gan = TypeBinding("GAN", doc: "A generative adversarial network: an MLP generator against an MLP discriminator (Goodfellow et al., 2014).")
        gan.initializer(NativeFunction(
            "init(dataDimension: Int, latentDimension: Int = 2, generatorWidths: [Int] = [64, 64], discriminatorWidths: [Int] = [64, 64], outputActivation: String = \"identity\", loss: String = \"nonSaturating\", seed: Int? = nil)",
            doc: "loss: \"nonSaturating\" (−log D(G(z)) for the generator) or \"minimax\" (log(1 − D(G(z))), which saturates).") { call in
            let lossName = try call.string(5, default: "nonSaturating")
            guard let loss = GANLoss(rawValue: lossName) else {
                throw call.fail("unknown loss '\(lossName)'; choose \"nonSaturating\" or \"minimax\"")
            }
            let m = try GAN(dataDimension: try call.int(0), latentDimension: try call.int(1, default: 2),
                            generatorWidths: try call.ints(2, default: [64, 64]), discriminatorWidths: try call.ints(3, default: [64, 64]),
                            outputActivation: try activation(call, 4, default: "identity"), loss: loss, seed: try call.seed(6))
            return .object(ModelBox(m, typeName: "GAN") { m in "\(m.latentDimension)-d noise → \(m.dataDimension)-d data, \(m.loss.rawValue) loss" })
        })
        gan.method(NativeFunction(
            "fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 0.0005, discriminatorSteps: Int = 1, beta1: Double = 0.5, seed: Int? = nil)",
            doc: "Alternates discriminator and generator Adam steps (β₁ = 0.5); steps counts generator steps.") { call in
            try call.model(GAN.self).fit(try call.tensor(0), steps: try call.int(1, default: 5000), batchSize: try call.int(2, default: 128),
                                         learningRate: try call.double(3, default: 5e-4), discriminatorSteps: try call.int(4, default: 1),
                                         beta1: try call.double(5, default: 0.5), seed: try call.seed(6), progress: call.progress)
            return .void
        })
        gan.method(NativeFunction("fitDiscriminator(_ data: Tensor, steps: Int = 1000, batchSize: Int = 128, learningRate: Double = 0.001, seed: Int? = nil)",
                                  doc: "Trains only the discriminator against the fixed generator (to check the optimal D).") { call in
            try call.model(GAN.self).fitDiscriminator(try call.tensor(0), steps: try call.int(1, default: 1000), batchSize: try call.int(2, default: 128),
                                                      learningRate: try call.double(3, default: 1e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        gan.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "G(z) for z drawn from N(0, I): one pass.") { call in
            .tensor(try call.model(GAN.self).sample(try call.int(0), seed: try call.seed(1)))
        })
        gan.method(NativeFunction("generate(noise z: Tensor) -> Tensor", doc: "G(z) for given noise rows.") { call in
            .tensor(try call.model(GAN.self).generate(noise: try call.tensor(0)))
        })
        gan.method(NativeFunction("discriminate(_ x: Tensor) -> Tensor", doc: "D(x), the discriminator's probability that each row is real.") { call in
            .tensor(try call.model(GAN.self).discriminate(try call.tensor(0)))
        })
        addTrainedModelMembers(gan, GAN.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
        type(gan, topic: "Models: GANs")
    }

    private func registerDDPM() {
        let ddpm = TypeBinding("DDPM", doc: "A denoising diffusion probabilistic model with an ε-predicting MLP (Ho et al., 2020).")
        ddpm.initializer(NativeFunction(
            "init(dataDimension: Int, steps: Int = 1000, schedule: String = \"linear\", hiddenWidths: [Int] = [64, 64, 64], timeEmbedding: Int = 32, seed: Int? = nil)",
            doc: "T = steps noise levels; schedule: \"linear\" or \"cosine\".") { call in
            let name = try call.string(2, default: "linear")
            guard let schedule = NoiseSchedule(rawValue: name) else {
                throw call.fail("unknown schedule '\(name)'; choose \"linear\" or \"cosine\"")
            }
            let m = try DDPM(dataDimension: try call.int(0), steps: try call.int(1, default: 1000), schedule: schedule,
                             hiddenWidths: try call.ints(3, default: [64, 64, 64]), timeEmbedding: try call.int(4, default: 32),
                             seed: try call.seed(5))
            return .object(ModelBox(m, typeName: "DDPM") { m in "\(m.dataDimension)-d data, T = \(m.steps), \(m.schedule.kind.rawValue) schedule" })
        })
        ddpm.method(NativeFunction("fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 0.003, seed: Int? = nil)",
                                   doc: "Minimises the simple loss ‖ε − ε_θ(x_t, t)‖² with Adam (learning rate decaying to 0).") { call in
            try call.model(DDPM.self).fit(try call.tensor(0), steps: try call.int(1, default: 5000), batchSize: try call.int(2, default: 128),
                                          learningRate: try call.double(3, default: 3e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        ddpm.method(NativeFunction("noised(_ x0: Tensor, t: Int, seed: Int? = nil) -> Tensor",
                                   doc: "A draw of x_t ~ q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I), in closed form.") { call in
            .tensor(try call.model(DDPM.self).noised(try call.tensor(0), t: try call.int(1), seed: try call.seed(2)))
        })
        ddpm.method(NativeFunction("predictNoise(_ x: Tensor, t: Int) -> Tensor", doc: "The network's ε_θ(x_t, t).") { call in
            .tensor(try call.model(DDPM.self).predictNoise(try call.tensor(0), t: try call.int(1)))
        })
        ddpm.method(NativeFunction("alphaBar(_ t: Int) -> Double", doc: "ᾱ_t = ∏_{s ≤ t} (1 − β_s).") { call in
            let m = try call.model(DDPM.self), t = try call.int(0)
            guard (0...m.steps).contains(t) else { throw call.fail("t must be in 0...\(m.steps), got \(t)") }
            return .double(m.schedule.alphaBar(t))
        })
        ddpm.property(NativeProperty("betas", "[Double]", doc: "The noise schedule β_1 … β_T.", get: { v in
            guard case .object(let b as ModelBox<DDPM>) = v else { return .none }
            return .doubles(b.model.schedule.betas)
        }))
        ddpm.method(NativeFunction("sample(_ count: Int, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> Tensor",
                                   doc: "Ancestral sampling: T network passes from pure noise.") { call in
            .tensor(try call.model(DDPM.self).sample(try call.int(0), clip: try clip(call, 1), seed: try call.seed(3), progress: call.progress))
        })
        ddpm.method(NativeFunction("sampleDDIM(_ count: Int, steps: Int = 50, eta: Double = 0, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> Tensor",
                                   doc: "DDIM sampling with fewer steps (eta 0: deterministic).") { call in
            .tensor(try call.model(DDPM.self).sampleDDIM(try call.int(0), steps: try call.int(1, default: 50), eta: try call.double(2, default: 0),
                                                         clip: try clip(call, 3), seed: try call.seed(5), progress: call.progress))
        })
        ddpm.method(NativeFunction("sampleTrajectory(_ count: Int, snapshots: Int = 10, ddimSteps: Int? = nil, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> (samples: Tensor, steps: [Int], snapshots: [Tensor])",
                                   doc: "Samples with snapshots of x_t along the way (from t = T down to 0); DDIM when ddimSteps is given.") { call in
            let m = try call.model(DDPM.self)
            let count = try call.int(0), snapshots = try call.int(1, default: 10), c = try clip(call, 3), seed = try call.seed(5)
            let trajectory: DiffusionTrajectory
            if call.value(2) != nil {
                trajectory = try m.sampleDDIMTrajectory(count, steps: try call.int(2), snapshots: snapshots, clip: c, seed: seed, progress: call.progress)
            } else {
                trajectory = try m.sampleTrajectory(count, snapshots: snapshots, clip: c, seed: seed, progress: call.progress)
            }
            return call.record(["samples": .tensor(trajectory.samples), "steps": .ints(trajectory.steps),
                                "snapshots": .array(trajectory.snapshots.map { .tensor($0) })])
        })
        addTrainedModelMembers(ddpm, DDPM.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })
        type(ddpm, topic: "Models: diffusion")
    }

    private func registerEvaluation() {
        let e = TypeBinding("Evaluation", doc: "Measures of sample quality against data, usable on any model's samples.")
        e.staticMethod(NativeFunction("mmd(_ x: Tensor, _ y: Tensor, bandwidth: Double? = nil) -> Double",
                                      doc: "The unbiased squared maximum mean discrepancy with a Gaussian kernel (median-heuristic bandwidth): ≈ 0 when x and y share a distribution.") { call in
            .double(try Evaluation.mmd(try call.tensor(0), try call.tensor(1), bandwidth: try call.optionalDouble(2)))
        })
        e.staticMethod(NativeFunction("nearestNeighbourDistances(_ points: Tensor, to reference: Tensor) -> Tensor",
                                      doc: "For each point, the distance to its nearest reference row (small for copies of training data).") { call in
            .tensor(try Evaluation.nearestNeighbourDistances(try call.tensor(0), to: try call.tensor(1)))
        })
        e.staticMethod(NativeFunction("sharpness(_ images: Tensor, height: Int = 8, width: Int = 8) -> Double",
                                      doc: "The mean variance of the Laplacian over images: low for blurry images.") { call in
            .double(try Evaluation.sharpness(try call.tensor(0), height: try call.int(1, default: 8), width: try call.int(2, default: 8)))
        })
        e.staticMethod(NativeFunction("ringModeCoverage(_ samples: Tensor, modes: Int = 8, radius: Double = 2, noise: Double = 0.05, nearDistance: Double? = nil, minimumShare: Double? = nil) -> (counts: [Int], modesCovered: Int, farShare: Double)",
                                      doc: "Samples near each mode of Dataset.ring, the modes holding a fair share, and the share far from every mode.") { call in
            let c = try Evaluation.ringModeCoverage(try call.tensor(0), modes: try call.int(1, default: 8), radius: try call.double(2, default: 2),
                                                    noise: try call.double(3, default: 0.05), nearDistance: try call.optionalDouble(4),
                                                    minimumShare: try call.optionalDouble(5))
            return call.record(["counts": .ints(c.counts), "modesCovered": .int(c.modesCovered), "farShare": .double(c.farShare)])
        })
        e.staticMethod(NativeFunction("modeCoverage(_ samples: Tensor, centers: Tensor, nearDistance: Double) -> (counts: [Int], modesCovered: Int, farShare: Double)",
                                      doc: "Mode coverage around any set of centres (rows).") { call in
            let c = try Evaluation.modeCoverage(try call.tensor(0), centers: try call.tensor(1), nearDistance: try call.double(2))
            return call.record(["counts": .ints(c.counts), "modesCovered": .int(c.modesCovered), "farShare": .double(c.farShare)])
        })
        type(e, topic: "Evaluation")
    }
}

/// `clipLow:`/`clipHigh:` as the sampler's clipping range (both or neither).
private func clip(_ call: Invocation, _ i: Int) throws -> ClosedRange<Double>? {
    let low = try call.optionalDouble(i), high = try call.optionalDouble(i + 1)
    switch (low, high) {
    case (nil, nil): return nil
    case (let l?, let h?):
        guard l < h else { throw call.fail("clipLow must be below clipHigh, got \(l) and \(h)") }
        return l...h
    default: throw call.fail("give both clipLow and clipHigh, or neither")
    }
}
