import GenerativeModels
import NeuralNetworks
import Tensors

extension Registry {
    /// GANs, diffusion models and the measures that compare any model's samples with data.
    func registerImplicitModels() {
        extend(libraryDecl("GAN")) { t in
            t.staticMethod("init(dataDimension: Int, latentDimension: Int = 2, generatorWidths: [Int] = [64, 64], discriminatorWidths: [Int] = [64, 64], activation: String = \"leakyRelu\", outputActivation: String = \"identity\", loss: String = \"nonSaturating\", initialization: String = \"default\", seed: Int? = nil)",
                           doc: "loss: \"nonSaturating\" (−log D(G(z)) for the generator) or \"minimax\" (log(1 − D(G(z))), which saturates); initialization: \"default\" or \"pytorch\".") {
                (cx, data: Int, latent: Int, g: [Int], d: [Int], a: String, o: String, lossName: String, i: String, seed: Int?) in
                guard let loss = GANLoss(rawValue: lossName) else {
                    throw cx.fail("unknown loss '\(lossName)'; choose \"nonSaturating\" or \"minimax\"")
                }
                return try GAN(dataDimension: data, latentDimension: latent, generatorWidths: g, discriminatorWidths: d,
                               activation: try activation(a, cx), outputActivation: try activation(o, cx), loss: loss,
                               initialization: try initialization(i, cx), seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 0.0005, discriminatorSteps: Int = 1, beta1: Double = 0.5, seed: Int? = nil)",
                            doc: "Alternates discriminator and generator Adam steps (β₁ = 0.5); steps counts generator steps.") {
                (cx, m: GAN, x: Tensor, steps: Int, batch: Int, lr: Double, dSteps: Int, beta1: Double, seed: Int?) in
                try m.fit(x, steps: steps, batchSize: batch, learningRate: lr, discriminatorSteps: dSteps, beta1: beta1, seed: try cx.seed(seed),
                          progress: cx.progress("fit"))
                return Nothing()
            }
            t.contextMethod("func fitDiscriminator(_ data: Tensor, steps: Int = 1000, batchSize: Int = 128, learningRate: Double = 0.001, seed: Int? = nil)",
                            doc: "Trains only the discriminator against the fixed generator (to check the optimal D).") {
                (cx, m: GAN, x: Tensor, steps: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fitDiscriminator(x, steps: steps, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fitDiscriminator"))
                return Nothing()
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "G(z) for z drawn from N(0, I): one pass.") {
                (cx, m: GAN, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed))
            }
            t.property("var lastFit: (steps: Int, batchSize: Int, learningRate: Double, beta1: Double)",
                       doc: "What the last fit used: generator steps, batch size, Adam's learning rate and β₁.") {
                (m: GAN) in
                guard let f = m.lastFit else { throw ModelError.notFitted(model: "GAN", method: "lastFit") }
                return Quadruple(f.steps, f.batchSize, f.learningRate, f.beta1)
            }
            t.property("var generator: MLP", doc: "The generator network, noise → point (its layers' weights can be read and set).") { (m: GAN) in m.generator }
            t.property("var discriminator: MLP", doc: "The discriminator network, point → logit of \"real\".") { (m: GAN) in m.discriminator }
            t.method("func generate(noise z: Tensor) -> Tensor", doc: "G(z) for given noise rows.") { (m: GAN, z: Tensor) in try m.generate(noise: z) }
            t.method("func discriminate(_ x: Tensor) -> Tensor", doc: "D(x), the discriminator's probability that each row is real.") {
                (m: GAN, x: Tensor) in try m.discriminate(x)
            }
        }
        addTrainedModelMembers(libraryDecl("GAN"), GAN.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })

        extend(libraryDecl("DDPM")) { t in
            t.staticMethod("init(dataDimension: Int, steps: Int = 1000, schedule: String = \"linear\", hiddenWidths: [Int] = [64, 64, 64], timeEmbedding: Int = 32, seed: Int? = nil)",
                           doc: "T = steps noise levels; schedule: \"linear\" or \"cosine\".") {
                (cx, data: Int, steps: Int, name: String, hidden: [Int], embedding: Int, seed: Int?) in
                guard let schedule = NoiseSchedule(rawValue: name) else {
                    throw cx.fail("unknown schedule '\(name)'; choose \"linear\" or \"cosine\"")
                }
                return try DDPM(dataDimension: data, steps: steps, schedule: schedule, hiddenWidths: hidden, timeEmbedding: embedding,
                                seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 0.003, seed: Int? = nil)",
                            doc: "Minimises the simple loss ‖ε − ε_θ(x_t, t)‖² with Adam (learning rate decaying to 0).") {
                (cx, m: DDPM, x: Tensor, steps: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(x, steps: steps, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.contextMethod("func noised(_ x0: Tensor, t: Int, seed: Int? = nil) -> Tensor",
                            doc: "A draw of x_t ~ q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I), in closed form.") {
                (cx, m: DDPM, x: Tensor, step: Int, seed: Int?) in try m.noised(x, t: step, seed: try cx.seed(seed))
            }
            t.method("func predictNoise(_ x: Tensor, t: Int) -> Tensor", doc: "The network's ε_θ(x_t, t).") { (m: DDPM, x: Tensor, step: Int) in
                try m.predictNoise(x, t: step)
            }
            t.contextMethod("func alphaBar(_ t: Int) -> Double", doc: "ᾱ_t = ∏_{s ≤ t} (1 − β_s).") { (cx, m: DDPM, step: Int) in
                guard (0...m.steps).contains(step) else { throw cx.fail("t must be in 0...\(m.steps), got \(step)") }
                return m.schedule.alphaBar(step)
            }
            t.property("var betas: [Double]", doc: "The noise schedule β_1 … β_T.") { (m: DDPM) in m.schedule.betas }
            t.property("var lastFit: (steps: Int, batchSize: Int, learningRate: Double, finalLearningRate: Double)",
                       doc: "What the last fit used: generator steps, batch size, and Adam's rate at the first and last step.") {
                (m: DDPM) in
                guard let f = m.lastFit else { throw ModelError.notFitted(model: "DDPM", method: "lastFit") }
                return Quadruple(f.steps, f.batchSize, f.learningRate, f.finalLearningRate ?? f.learningRate)
            }
            t.contextMethod("func sample(_ count: Int, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> Tensor",
                            doc: "Ancestral sampling: T network passes from pure noise.") {
                (cx, m: DDPM, n: Int, low: Double?, high: Double?, seed: Int?) in
                try m.sample(n, clip: try clip(low, high, cx), seed: try cx.seed(seed), progress: cx.progress("sample"))
            }
            t.contextMethod("func sampleDDIM(_ count: Int, steps: Int = 50, eta: Double = 0, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> Tensor",
                            doc: "DDIM sampling with fewer steps (eta 0: deterministic).") {
                (cx, m: DDPM, n: Int, steps: Int, eta: Double, low: Double?, high: Double?, seed: Int?) in
                try m.sampleDDIM(n, steps: steps, eta: eta, clip: try clip(low, high, cx), seed: try cx.seed(seed), progress: cx.progress("sampleDDIM"))
            }
            t.contextMethod("func sampleTrajectory(_ count: Int, snapshots: Int = 10, ddimSteps: Int? = nil, clipLow: Double? = nil, clipHigh: Double? = nil, seed: Int? = nil) -> (samples: Tensor, steps: [Int], snapshots: [Tensor])",
                            doc: "Samples with snapshots of x_t along the way (from t = T down to 0); DDIM when ddimSteps is given.") {
                (cx, m: DDPM, n: Int, snapshots: Int, ddim: Int?, low: Double?, high: Double?, seed: Int?) in
                let c = try clip(low, high, cx), s = try cx.seed(seed)
                let trajectory: DiffusionTrajectory
                if let ddim {
                    trajectory = try m.sampleDDIMTrajectory(n, steps: ddim, snapshots: snapshots, clip: c, seed: s, progress: cx.progress("sampleTrajectory"))
                } else {
                    trajectory = try m.sampleTrajectory(n, snapshots: snapshots, clip: c, seed: s, progress: cx.progress("sampleTrajectory"))
                }
                return Triple(trajectory.samples, trajectory.steps, trajectory.snapshots)
            }
        }
        addTrainedModelMembers(libraryDecl("DDPM"), DDPM.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) }, history: { $0.history })

        extend(libraryDecl("Evaluation")) { t in
            t.staticMethod("static func mmd(_ x: Tensor, _ y: Tensor, bandwidth: Double? = nil) -> Double",
                           doc: "The unbiased squared maximum mean discrepancy with a Gaussian kernel (median-heuristic bandwidth): ≈ 0 when x and y share a distribution.") {
                (_, x: Tensor, y: Tensor, bandwidth: Double?) in try Evaluation.mmd(x, y, bandwidth: bandwidth)
            }
            t.staticMethod("static func nearestNeighbourDistances(_ points: Tensor, to reference: Tensor) -> Tensor",
                           doc: "For each point, the distance to its nearest reference row (small for copies of training data).") {
                (_, points: Tensor, reference: Tensor) in try Evaluation.nearestNeighbourDistances(points, to: reference)
            }
            t.staticMethod("static func sharpness(_ images: Tensor, height: Int = 8, width: Int = 8) -> Double",
                           doc: "The mean variance of the Laplacian over images: low for blurry images.") {
                (_, images: Tensor, height: Int, width: Int) in try Evaluation.sharpness(images, height: height, width: width)
            }
            t.staticMethod("static func ringModeCoverage(_ samples: Tensor, modes: Int = 8, radius: Double = 2, noise: Double = 0.05, nearDistance: Double? = nil, minimumShare: Double? = nil) -> (counts: [Int], modesCovered: Int, farShare: Double)",
                           doc: "Samples near each mode of Dataset.ring, the modes holding a fair share, and the share far from every mode.") {
                (_, samples: Tensor, modes: Int, radius: Double, noise: Double, near: Double?, share: Double?) in
                let c = try Evaluation.ringModeCoverage(samples, modes: modes, radius: radius, noise: noise, nearDistance: near, minimumShare: share)
                return Triple(c.counts, c.modesCovered, c.farShare)
            }
            t.staticMethod("static func modeCoverage(_ samples: Tensor, centers: Tensor, nearDistance: Double) -> (counts: [Int], modesCovered: Int, farShare: Double)",
                           doc: "Mode coverage around any set of centres (rows).") { (_, samples: Tensor, centers: Tensor, near: Double) in
                let c = try Evaluation.modeCoverage(samples, centers: centers, nearDistance: near)
                return Triple(c.counts, c.modesCovered, c.farShare)
            }
        }
    }
}

/// `clipLow:`/`clipHigh:` as the sampler's clipping range (both or neither).
private func clip(_ low: Double?, _ high: Double?, _ cx: LibraryContext) throws -> ClosedRange<Double>? {
    switch (low, high) {
    case (nil, nil): return nil
    case (let l?, let h?):
        guard l < h else { throw cx.fail("clipLow must be below clipHigh, got \(l) and \(h)") }
        return l...h
    default: throw cx.fail("give both clipLow and clipHigh, or neither")
    }
}
