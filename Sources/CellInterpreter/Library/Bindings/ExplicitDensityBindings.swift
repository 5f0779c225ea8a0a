import GenerativeModels
import Tensors

extension Registry {
    /// Classifiers (generative against discriminative), probabilistic PCA and MADE.
    func registerExplicitDensityModels() {
        let gaussian = libraryDecl("GaussianClassifier")
        extend(gaussian) { t in
            t.staticMethod("init(covariance: String = \"perClass\", regularization: Double = 0.01)",
                           doc: "covariance: \"perClass\" (quadratic boundaries) or \"shared\" (linear, as LDA).") { (cx, name: String, r: Double) in
                guard let covariance = GaussianClassifier.Covariance(rawValue: name) else {
                    throw cx.fail("unknown covariance '\(name)'; choose \"perClass\" or \"shared\"")
                }
                return GaussianClassifier(covariance: covariance, regularization: r)
            }
            t.method("func fit(_ data: LabeledData)", doc: "Estimates each class's mean, covariance and prior.") { (m: GaussianClassifier, d: LabeledData) in
                try m.fit(d)
                return Nothing()
            }
            t.method("func fit(_ x: Tensor, labels: [Int])", doc: "Fits rows of x with their class labels.") {
                (m: GaussianClassifier, x: Tensor, labels: [Int]) in
                try m.fit(x, labels: labels)
                return Nothing()
            }
            t.method("func logDensity(_ x: Tensor) -> Tensor", doc: "log p(x) of each row under the fitted mixture (low: an anomaly).") {
                (m: GaussianClassifier, x: Tensor) in try m.logDensity(x)
            }
            t.method("func classLogDensities(_ x: Tensor) -> Tensor", doc: "log p(x | y = k) for each row and class.") {
                (m: GaussianClassifier, x: Tensor) in try m.classLogDensities(x)
            }
            t.contextMethod("func sample(_ count: Int, label: Int, seed: Int? = nil) -> Tensor", doc: "Draws new points of one class.") {
                (cx, m: GaussianClassifier, n: Int, label: Int, seed: Int?) in try m.sample(n, label: label, seed: try cx.seed(seed))
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> LabeledData", doc: "Draws labelled points from p(x, y).") {
                (cx, m: GaussianClassifier, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed))
            }
            t.property("var regularization: Double", doc: "The ridge added to every covariance's diagonal, so that it can be inverted.") {
                (m: GaussianClassifier) in m.regularization
            }
            t.property("var means: Tensor", doc: "The class means, one row per class.") { (m: GaussianClassifier) in m.means }
            t.property("var covariances: Tensor", doc: "The class covariances, classes × features × features (shared: all equal).") {
                (m: GaussianClassifier) in m.covariances
            }
            t.property("var priors: Tensor", doc: "The class priors p(y).") { (m: GaussianClassifier) in m.priors }
        }
        addClassification(gaussian, GaussianClassifier.self, probabilities: { try $0.predictProbabilities($1) }, predict: { try $0.predict($1) },
                          accuracy: { try $0.accuracy($1, labels: $2) })

        let logistic = libraryDecl("LogisticRegression")
        extend(logistic) { t in
            t.staticMethod("init(l2: Double = 0.0001)", doc: "A multinomial logistic regression with an L2 penalty.") { (_, l2: Double) in
                LogisticRegression(l2: l2)
            }
            t.contextMethod("func fit(_ data: LabeledData, epochs: Int = 100, batchSize: Int = 128, learningRate: Double = 0.05, seed: Int? = nil)",
                            doc: "Trains on shuffled mini-batches.") {
                (cx, m: LogisticRegression, d: LabeledData, epochs: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(d, epochs: epochs, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.property("var history: LossHistory", doc: "The training loss per step.") { (m: LogisticRegression) in m.history }
        }
        addClassification(logistic, LogisticRegression.self, probabilities: { try $0.predictProbabilities($1) }, predict: { try $0.predict($1) },
                          accuracy: { try $0.accuracy($1, labels: $2) })

        extend(libraryDecl("PPCA")) { t in
            t.staticMethod("init(components: Int)", doc: "A model with a latent space of the given size.") { (_, k: Int) in try PPCA(components: k) }
            t.method("func fit(_ x: Tensor)", doc: "The closed-form maximum-likelihood fit: W from the top eigenvectors, σ² the mean discarded eigenvalue.") {
                (m: PPCA, x: Tensor) in
                try m.fit(x)
                return Nothing()
            }
            t.contextMethod("func fitEM(_ x: Tensor, iterations: Int = 100, seed: Int? = nil)",
                            doc: "Maximum likelihood by expectation–maximisation from a random start.") {
                (cx, m: PPCA, x: Tensor, iterations: Int, seed: Int?) in
                try m.fitEM(x, iterations: iterations, seed: try cx.seed(seed), progress: cx.progress("fitEM"))
                return Nothing()
            }
            t.method("func logLikelihood(_ x: Tensor) -> Tensor", doc: "Exact log p(x) of each row under N(μ, WWᵀ + σ²I).") {
                (m: PPCA, x: Tensor) in try m.logLikelihood(x)
            }
            t.method("func averageLogLikelihood(_ x: Tensor) -> Double", doc: "The mean log p(x) per row, in nats.") {
                (m: PPCA, x: Tensor) in try m.averageLogLikelihood(x)
            }
            t.method("func posterior(_ x: Tensor) -> (mean: Tensor, covariance: Tensor)",
                     doc: "p(z | x): mean M⁻¹Wᵀ(x − μ) per row and the shared covariance σ²M⁻¹.") { (m: PPCA, x: Tensor) in
                let p = try m.posterior(x)
                return Pair(p.mean, p.covariance)
            }
            t.method("func encode(_ x: Tensor) -> Tensor", doc: "The posterior mean of z for each row.") { (m: PPCA, x: Tensor) in try m.encode(x) }
            t.method("func decode(_ z: Tensor) -> Tensor", doc: "Wz + μ for each row of codes.") { (m: PPCA, z: Tensor) in try m.decode(z) }
            t.method("func reconstruct(_ x: Tensor) -> Tensor", doc: "Decodes the posterior mean of each row.") { (m: PPCA, x: Tensor) in
                try m.reconstruct(x)
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Draws from the model's marginal p(x).") {
                (cx, m: PPCA, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed))
            }
            t.property("var mean: Tensor", doc: "μ, the data mean.") { (m: PPCA) in m.mean }
            t.property("var weight: Tensor", doc: "W, features × components.") { (m: PPCA) in m.weight }
            t.property("var noiseVariance: Double", doc: "σ², the isotropic noise variance.") { (m: PPCA) in m.noiseVariance }
            t.property("var covariance: Tensor", doc: "The marginal covariance WWᵀ + σ²I.") { (m: PPCA) in try m.covariance }
            t.property("var explainedVarianceRatio: [Double]", doc: "The share of variance each component explains.") { (m: PPCA) in
                try m.explainedVarianceRatio
            }
        }
        addTrainedModelMembers(libraryDecl("PPCA"), PPCA.self, save: { try $0.save(to: $1) }, load: { try $0.load(from: $1) },
                               history: { $0.history }, historyDoc: "The log-likelihood per EM iteration.")

        extend(libraryDecl("MADE")) { t in
            t.staticMethod("init(inputs: Int = 64, hidden: [Int] = [512], orderings: Int = 1, seed: Int? = nil)",
                           doc: "A masked MLP; with several orderings the likelihood is their mixture.") {
                (cx, inputs: Int, hidden: [Int], orderings: Int, seed: Int?) in
                try MADE(inputs: inputs, hidden: hidden, orderings: orderings, seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.002, seed: Int? = nil)",
                            doc: "Maximum likelihood on binary rows with Adam.") {
                (cx, m: MADE, x: Tensor, epochs: Int, batch: Int, lr: Double, seed: Int?) in
                try m.fit(x, epochs: epochs, batchSize: batch, learningRate: lr, seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func logLikelihood(_ x: Tensor) -> Tensor", doc: "Exact log p(x) of each binary row, by the chain rule.") {
                (m: MADE, x: Tensor) in try m.logLikelihood(x)
            }
            t.method("func negativeLogLikelihood(_ x: Tensor) -> Double", doc: "The mean −log p(x) per row, in nats.") {
                (m: MADE, x: Tensor) in try m.negativeLogLikelihood(x)
            }
            t.method("func logits(_ x: Tensor, ordering: Int = 0) -> Tensor", doc: "The logit of p(x_i = 1 | x_<i) for every i.") {
                (m: MADE, x: Tensor, ordering: Int) in try m.logits(x, ordering: ordering)
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Draws rows one variable at a time (one pass per variable).") {
                (cx, m: MADE, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed), progress: cx.progress("sample"))
            }
            t.contextMethod("func unitDegrees(ordering: Int = 0) -> [[Int]]",
                            doc: "Each layer's unit degrees (inputs, hidden layers, outputs): a unit sees units of lower degree only.") {
                (cx, m: MADE, ordering: Int) in
                guard m.unitDegrees.indices.contains(ordering) else { throw cx.fail("ordering \(ordering) is not one of 0..<\(m.orderingCount)") }
                return m.unitDegrees[ordering]
            }
            t.contextMethod("func masks(ordering: Int = 0) -> [Tensor]",
                            doc: "Each layer's 0/1 weight mask, [in, out]: 1 where the output unit may see the input unit.") {
                (cx, m: MADE, ordering: Int) in
                guard m.masks.indices.contains(ordering) else { throw cx.fail("ordering \(ordering) is not one of 0..<\(m.orderingCount)") }
                return m.masks[ordering]
            }
        }
        addTrainedModelMembers(libraryDecl("MADE"), MADE.self, save: { try Checkpoint.save($0, to: $1) }, load: { try Checkpoint.load(into: $0, from: $1) },
                               history: { $0.history })
    }

    /// `predictProbabilities`, `predict` and `accuracy`, shared by both classifiers.
    private func addClassification<M: LibraryObject>(
        _ decl: NominalDecl, _ type: M.Type, probabilities: @escaping (M, Tensor) throws -> Tensor,
        predict: @escaping (M, Tensor) throws -> [Int], accuracy: @escaping (M, Tensor, [Int]) throws -> Double
    ) {
        extend(decl) { t in
            t.method("func predictProbabilities(_ x: Tensor) -> Tensor", doc: "p(y = k | x) for each row and class.") { (m: M, x: Tensor) in
                try probabilities(m, x)
            }
            t.method("func predict(_ x: Tensor) -> [Int]", doc: "The most probable class of each row.") { (m: M, x: Tensor) in try predict(m, x) }
            t.method("func accuracy(_ data: LabeledData) -> Double", doc: "The fraction of rows classified correctly.") { (m: M, d: LabeledData) in
                try accuracy(m, d.x, d.labels)
            }
            t.method("func accuracy(_ x: Tensor, labels: [Int]) -> Double", doc: "The fraction of rows of x given their label.") {
                (m: M, x: Tensor, labels: [Int]) in try accuracy(m, x, labels)
            }
        }
    }

    /// `save(to:)`, `load(from:)` and `history`, shared by every trained model.
    func addTrainedModelMembers<M: LibraryObject>(
        _ decl: NominalDecl, _ type: M.Type, save: @escaping (M, String) throws -> Void, load: @escaping (M, String) throws -> Void,
        history: @escaping (M) -> LossHistory, historyDoc: String = "The losses recorded per training step, by name."
    ) {
        extend(decl) { t in
            t.contextMethod("func save(to path: String)", doc: "Writes the trained weights to a checkpoint file (path relative to the notebook).") {
                (cx, m: M, path: String) in
                try save(m, try cx.path(path))
                return Nothing()
            }
            t.contextMethod("func load(from path: String)", doc: "Reads weights saved by save(to:) into a model of the same shape.") {
                (cx, m: M, path: String) in
                try load(m, try cx.readPath(path))
                return Nothing()
            }
            t.property("var history: LossHistory", doc: historyDoc) { (m: M) in history(m) }
        }
    }
}
