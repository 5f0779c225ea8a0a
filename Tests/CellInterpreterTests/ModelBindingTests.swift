import Testing
@testable import CellInterpreter

/// The model library as cells reach it: data, models, their results and their errors.
struct ModelBindingTests {
    static let points = "Tensor([[0.0, 0.0, 1.0], [1.0, 0.5, 0.0], [2.0, 1.1, 1.0], [3.0, 1.4, 0.0], [4.0, 2.0, 0.5]])"
    static let bits = "Tensor([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0]])"

    static let cases: [Case] = [
        Case("let d = Dataset.digits()\nd.count\nd.classCount\nd.x.shape", "→ 1797\n→ 10\n→ [1797, 64]"),
        Case("let d = Dataset.digits()\nlet (train, test) = d.split(testFraction: 0.25, seed: 1)\ntrain.count + test.count", "→ 1797"),
        Case("Dataset.ring(count: 80, modes: 4).shape", "→ [80, 2]"),
        Case("Dataset.moons(count: 10, seed: 3).labels.count", "→ 10"),
        Case("let p = PPCA(components: 2)\np.fit(\(points))\np.weight.shape\np.noiseVariance > 0", "→ [3, 2]\n→ true"),
        Case("let p = PPCA(components: 1)\np.fit(\(points))\nlet post = p.posterior(\(points))\npost.mean.shape", "→ [5, 1]"),
        Case("PPCA(latent: 2)", "1:14: error: incorrect argument label in call (have 'latent:', expected 'components:')"),
        Case("let p = PPCA(components: 2)\np.sample(3)", "2:3: error: PPCA.sample: the model has not been fitted yet; call fit first"),
        Case("GaussianClassifier(covariance: \"diagonal\")", "1:1: error: unknown covariance 'diagonal'; choose \"perClass\" or \"shared\""),
        Case("let m = MADE(inputs: 4, hidden: [8], seed: 1)\nm.fit(\(bits), epochs: 2, batchSize: 2)\nm.negativeLogLikelihood(\(bits)) > 0\nm.history[\"loss\"].count", "→ true\n→ 2"),
        Case("let v = VAE(inputSize: 4, latentSize: 1, hiddenSizes: [4], seed: 1)\nlet e = v.elbo(\(bits), samples: 4, seed: 2)\nabs(e.total - (e.reconstruction - e.kl)) < 1e-9\ne.kl >= 0", "→ true\n→ true"),
        Case("let v = VAE(inputSize: 4, likelihood: \"poisson\")", "1:9: error: unknown likelihood 'poisson'; choose \"bernoulli\" or \"gaussian\""),
        Case("let a = Autoencoder(widths: [3, 1], seed: 0)\na.encode(\(points)).shape", "→ [5, 1]"),
        Case("let q = VQVAE(inputSize: 4, latentCount: 2, codeSize: 2, codebookSize: 4, hiddenSizes: [4], seed: 0)\nq.codes(\(bits)).shape", "→ [3, 2]"),
        Case("let q = VQVAE(inputSize: 4, latentCount: 2, codeSize: 3, codebookSize: 5, hiddenSizes: [4], beta: 0.5, seed: 0)\n[q.latentCount, q.codebookSize, q.codeSize]\nq.beta", "→ [2, 5, 3]\n→ 0.5"),
        Case("GaussianClassifier(regularization: 0.5).regularization", "→ 0.5"),
        Case("let g = GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 0)\ng.fit(Dataset.ring(count: 64), steps: 3, batchSize: 16)\ng.sample(5).shape\ng.history[\"generator\"].count", "→ [5, 2]\n→ 3"),
        Case("GAN(dataDimension: 2, loss: \"wasserstein\")", "1:1: error: unknown loss 'wasserstein'; choose \"nonSaturating\" or \"minimax\""),
        Case("let g = GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], activation: \"relu\", initialization: \"pytorch\", seed: 0)\ng.fit(Dataset.ring(count: 64), steps: 2, batchSize: 16)\ng.sample(3).shape", "→ [3, 2]"),
        Case("let g = GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], activation: \"relu\", initialization: \"pytorch\", seed: 0)\nfor l in g.generator.layers + g.discriminator.layers { l.bias = Tensor.zeros(l.bias!.shape) }\nlet z = Tensor.randomNormal([4, 2])\n(g.generate(noise: z * 2.0) - g.generate(noise: z) * 2.0).abs().max() < 1e-12\ng.discriminator.layers.map { $0.weight.shape }",
             "→ true\n→ [[2, 8], [8, 1]]"),
        Case("let l = Linear(3, 2)\nl.bias = Tensor.zeros([3])", "2:3: error: a bias of shape [3] cannot replace this layer's [2]"),
        Case("let l = Linear(3, 2)\nl.weight = Tensor.ones([3, 2])\nl(Tensor.ones([1, 3]))", "→ [[3, 3]]"),
        Case("let l = Linear(3, 2, bias: false)\nl.bias = Tensor.zeros([2])", "2:3: error: this layer was made with bias: false and has no bias to set"),
        Case("let v = VAE(inputSize: 4, hiddenSizes: [3], initialization: \"pytorch\", seed: 0)\nv.fit(Tensor.ones([8, 4]) * 0.5, epochs: 1, batchSize: 4)\nv.parameterCount", "→ 56"),
        Case("VAE(inputSize: 4, initialization: \"he\")", "1:1: error: unknown initialization 'he'; choose \"default\", \"pytorch\", \"xavier\" or \"kaiming\""),
        Case("GAN(dataDimension: 2, initialization: \"he\")", "1:1: error: unknown initialization 'he'; choose \"default\", \"pytorch\", \"xavier\" or \"kaiming\""),
        Case("let d = DDPM(dataDimension: 2, steps: 10, hiddenWidths: [8], seed: 0)\nd.alphaBar(0)\nd.alphaBar(10) < d.alphaBar(5)\nd.sampleTrajectory(4, snapshots: 3).steps", "→ 1.0\n→ true\n→ [10, 5, 0]"),
        Case("let d = DDPM(dataDimension: 2, steps: 10)\nd.sample(2, clipLow: 1)", "2:3: error: give both clipLow and clipHigh, or neither"),
        Case("let g = GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 0)\ng.fit(Dataset.ring(count: 64), steps: 2, batchSize: 16)\ng.lastFit", "→ (steps: 2, batchSize: 16, learningRate: 0.0005, beta1: 0.5)"),
        Case("let d = DDPM(dataDimension: 2, steps: 10, hiddenWidths: [8], seed: 0)\nd.fit(Dataset.ring(count: 64), steps: 2, batchSize: 16)\nd.lastFit.learningRate\nd.lastFit.finalLearningRate", "→ 0.003\n→ 0.0"),
        Case("let g = GAN(dataDimension: 2, seed: 0)\ng.lastFit.steps", "2:3: error: GAN.lastFit: the model has not been fitted yet; call fit first"),
        Case("let x = Dataset.ring(count: 200, seed: 1)\nEvaluation.ringModeCoverage(x).modesCovered", "→ 8"),
        Case("func stats(_ x: [Double]) -> (mean: Double, n: Int) { (x.reduce(0, +) / Double(x.count), x.count) }\nstats([1, 2, 3]).mean", "→ 2.0"),
        Case("let m = MADE(inputs: 4, hidden: [8])\nm.history[\"kl\"]", "2:10: error: no losses named 'kl'; recorded: "),
        Case("let x = Dataset.digits().binarized\nlet a = PixelCNN(channels: 4, layers: 1, seed: 1)\nlet b = PixelCNN(channels: 4, layers: 1, precision: \"float32\", seed: 1)\nabs(a.negativeLogLikelihood(x) - b.negativeLogLikelihood(x)) < 1e-4\na.negativeLogLikelihood(x) == b.negativeLogLikelihood(x)", "→ true\n→ false"),
        Case("let t = String(repeating: \"abc生成 \", count: 12)\nlet a = CharRNN(vocabularyFrom: t, hidden: 8, embedding: 4, seed: 1)\nlet b = CharRNN(vocabularyFrom: t, hidden: 8, embedding: 4, precision: \"float32\", seed: 1)\nabs(a.bitsPerCharacter(t) - b.bitsPerCharacter(t)) < 1e-5\na.bitsPerCharacter(t) == b.bitsPerCharacter(t)", "→ true\n→ false"),
        Case("let m = PixelCNN(precision: \"float16\")", "1:9: error: unknown precision 'float16'; choose \"float64\" or \"float32\""),
    ]

    @Test(arguments: cases) func behaves(_ c: Case) { #expect(transcript(c.source) == c.expected) }

    @Test func anUnseededModelIsTheSameOnEveryRunOfTheNotebook() {
        let program = "let m = MADE(inputs: 4, hidden: [8])\nm.fit(\(Self.bits), epochs: 3, batchSize: 2)\nm.negativeLogLikelihood(\(Self.bits))"
        #expect(transcript(program) == transcript(program))
    }

    /// The autoregressive models as a cell uses them: trained, evaluated, sampled and reloaded,
    /// reporting progress as they go (a label, steps counted up to the total).
    @Test func pixelCNNAndCharRNNTrainSampleAndReportProgress() throws {
        final class Reports: @unchecked Sendable { var items: [LibraryProgress] = [] }
        let reports = Reports()
        let session = Session()
        session.progressSink = { reports.items.append($0) }
        let images = "Tensor([" + (0..<4).map { r in "[" + (0..<16).map { "\(($0 * 7 + r * 3) % 5 < 2 ? 1 : 0).0" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "])"
        let cells = [
            "let x = \(images)\nlet m = PixelCNN(height: 4, width: 4, channels: 4, layers: 1, seed: 1)\nm.fit(x, epochs: 3, batchSize: 2, patience: nil)\nm.history[\"loss\"].count\nm.negativeLogLikelihood(x) > 0\nabs(m.logLikelihood(x).sum() + 4 * m.negativeLogLikelihood(x)) < 1e-9\nm.sample(2, seed: 3).shape",
            "let text = String(repeating: \"abc生成 \", count: 12)\nlet r = CharRNN(vocabularyFrom: text, cell: \"lstm\", hidden: 4, embedding: 2, seed: 1)\nr.fit(text, epochs: 2, sequenceLength: 6, batchSize: 4)\nr.characters\nr.sample(length: 5, seed: 2).count\nr.bitsPerCharacter(text) > 0",
        ]
        var out: [String] = []
        var line = 1
        for code in cells {
            reports.items = []
            let run = session.run(CellSource(code: code, file: "cell.md", firstLine: line))
            line += code.split(separator: "\n", omittingEmptySubsequences: false).count + 2
            #expect(run.failure == nil, "\(run.failure?.message ?? "")")
            for case .value(.text(let t)) in run.outputs { out.append(t) }
            // Each call reports its own run: "fit" then "sample", each counting 1, 2, … up to its total.
            var runs: [[LibraryProgress]] = []
            for r in reports.items {
                if let last = runs.last?.last, last.label == r.label, r.step == last.step + 1 { runs[runs.count - 1].append(r) } else { runs.append([r]) }
            }
            #expect(runs.map { $0[0].label } == ["fit", "sample"])
            for run in runs {
                #expect(run.map(\.step) == Array(1...run.count) && run.allSatisfy { $0.totalSteps == run.count }, "\(run.map { ($0.step, $0.totalSteps) })")
            }
        }
        #expect(out == ["3", "true", "true", "[2, 16]", "[\" \", \"a\", \"b\", \"c\", \"成\", \"生\"]", "5", "true"], "\(out)")
    }

    @Test func trainingStopsAtTheCellsTimeout() {
        let program = "let v = VAE(inputSize: 64, latentSize: 2)\nv.fit(Dataset.digits().binarized, epochs: 10000)"
        let out = transcript(program, limits: Limits(timeout: 0.5))
        #expect(out.hasPrefix("2:3: error: the cell ran for more than 0.5 s and was stopped"))
    }
}
