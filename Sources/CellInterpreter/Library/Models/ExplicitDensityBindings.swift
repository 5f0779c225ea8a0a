import GenerativeModels
import Tensors

/// Classifiers (generative against discriminative), probabilistic PCA and MADE.
extension Registry {
    func registerExplicitDensityModels() {
        registerClassifiers()
        registerPPCA()
        registerMADE()
    }

    private func registerClassifiers() {
        let gaussian = TypeBinding("GaussianClassifier",
                                   doc: "A generative classifier: a Gaussian per class and class priors, classified by Bayes' rule.")
        gaussian.initializer(NativeFunction("init(covariance: String = \"perClass\", regularization: Double = 0.01)",
                                            doc: "covariance: \"perClass\" (quadratic boundaries) or \"shared\" (linear, as LDA).") { call in
            let name = try call.string(0, default: "perClass")
            guard let covariance = GaussianClassifier.Covariance(rawValue: name) else {
                throw call.fail("unknown covariance '\(name)'; choose \"perClass\" or \"shared\"")
            }
            let model = GaussianClassifier(covariance: covariance, regularization: try call.double(1, default: 0.01))
            return .object(ModelBox(model, typeName: "GaussianClassifier") { m in
                m.classCount == 0 ? "\(m.covariance.rawValue) covariance, not fitted" : "\(m.classCount) classes, \(m.covariance.rawValue) covariance"
            })
        })
        gaussian.method(NativeFunction("fit(_ data: LabeledData)", doc: "Estimates each class's mean, covariance and prior.") { call in
            try call.model(GaussianClassifier.self).fit(try call.labeledData(0))
            return .void
        })
        gaussian.method(NativeFunction("fit(_ x: Tensor, labels: [Int])", doc: "Fits rows of x with their class labels.") { call in
            try call.model(GaussianClassifier.self).fit(try call.tensor(0), labels: try call.ints(1))
            return .void
        })
        gaussian.method(NativeFunction("logDensity(_ x: Tensor) -> Tensor", doc: "log p(x) of each row under the fitted mixture (low: an anomaly).") { call in
            .tensor(try call.model(GaussianClassifier.self).logDensity(try call.tensor(0)))
        })
        gaussian.method(NativeFunction("classLogDensities(_ x: Tensor) -> Tensor", doc: "log p(x | y = k) for each row and class.") { call in
            .tensor(try call.model(GaussianClassifier.self).classLogDensities(try call.tensor(0)))
        })
        gaussian.method(NativeFunction("sample(_ count: Int, label: Int, seed: Int? = nil) -> Tensor", doc: "Draws new points of one class.") { call in
            .tensor(try call.model(GaussianClassifier.self).sample(try call.int(0), label: try call.int(1), seed: try call.seed(2)))
        })
        gaussian.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> LabeledData", doc: "Draws labelled points from p(x, y).") { call in
            .labeled(try call.model(GaussianClassifier.self).sample(try call.int(0), seed: try call.seed(1)))
        })
        gaussian.property(NativeProperty("means", "Tensor", doc: "The class means, one row per class.", get: { v in
            guard case .object(let b as ModelBox<GaussianClassifier>) = v else { return .none }
            return .tensor(b.model.means)
        }))
        gaussian.property(NativeProperty("covariances", "Tensor", doc: "The class covariances, classes × features × features (shared: all equal).", get: { v in
            guard case .object(let b as ModelBox<GaussianClassifier>) = v else { return .none }
            return .tensor(b.model.covariances)
        }))
        gaussian.property(NativeProperty("priors", "Tensor", doc: "The class priors p(y).", get: { v in
            guard case .object(let b as ModelBox<GaussianClassifier>) = v else { return .none }
            return .tensor(b.model.priors)
        }))
        addClassification(gaussian, GaussianClassifier.self,
                          probabilities: { try $0.predictProbabilities($1) }, predict: { try $0.predict($1) },
                          accuracy: { try $0.accuracy($1, labels: $2) })
        type(gaussian, topic: "Models: generative vs discriminative")

        let logistic = TypeBinding("LogisticRegression", doc: "A discriminative classifier: p(y | x) = softmax(xW + b), trained by Adam.")
        logistic.initializer(NativeFunction("init(l2: Double = 0.0001)", doc: "A multinomial logistic regression with an L2 penalty.") { call in
            .object(ModelBox(LogisticRegression(l2: try call.double(0, default: 1e-4)), typeName: "LogisticRegression") { m in
                m.classCount == 0 ? "not fitted" : "\(m.classCount) classes"
            })
        })
        logistic.method(NativeFunction("fit(_ data: LabeledData, epochs: Int = 100, batchSize: Int = 128, learningRate: Double = 0.05, seed: Int? = nil)",
                                       doc: "Trains on shuffled mini-batches.") { call in
            try call.model(LogisticRegression.self).fit(
                try call.labeledData(0), epochs: try call.int(1, default: 100), batchSize: try call.int(2, default: 128),
                learningRate: try call.double(3, default: 0.05), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        logistic.property(NativeProperty("history", "LossHistory", doc: "The training loss per step.", get: { v in
            guard case .object(let b as ModelBox<LogisticRegression>) = v else { return .none }
            return .object(HistoryValue(b.model.history))
        }))
        addClassification(logistic, LogisticRegression.self,
                          probabilities: { try $0.predictProbabilities($1) }, predict: { try $0.predict($1) },
                          accuracy: { try $0.accuracy($1, labels: $2) })
        type(logistic, topic: "Models: generative vs discriminative")
    }

    /// `predictProbabilities`, `predict` and `accuracy`, shared by both classifiers.
    private func addClassification<M: AnyObject>(
        _ binding: TypeBinding, _ type: M.Type,
        probabilities: @escaping (M, Tensor) throws -> Tensor,
        predict: @escaping (M, Tensor) throws -> [Int],
        accuracy: @escaping (M, Tensor, [Int]) throws -> Double
    ) {
        binding.method(NativeFunction("predictProbabilities(_ x: Tensor) -> Tensor", doc: "p(y = k | x) for each row and class.") { call in
            .tensor(try probabilities(try call.model(M.self), try call.tensor(0)))
        })
        binding.method(NativeFunction("predict(_ x: Tensor) -> [Int]", doc: "The most probable class of each row.") { call in
            .ints(try predict(try call.model(M.self), try call.tensor(0)))
        })
        binding.method(NativeFunction("accuracy(_ data: LabeledData) -> Double", doc: "The fraction of rows classified correctly.") { call in
            let d = try call.labeledData(0)
            return .double(try accuracy(try call.model(M.self), d.x, d.labels))
        })
        binding.method(NativeFunction("accuracy(_ x: Tensor, labels: [Int]) -> Double", doc: "The fraction of rows of x given their label.") { call in
            .double(try accuracy(try call.model(M.self), try call.tensor(0), try call.ints(1)))
        })
    }

    private func registerPPCA() {
        let ppca = TypeBinding("PPCA", doc: "Probabilistic PCA: x = Wz + μ + ε, z ~ N(0, I), ε ~ N(0, σ²I) (Tipping & Bishop, 1999).")
        func box(_ m: PPCA) -> Value {
            .object(ModelBox(m, typeName: "PPCA") { m in
                m.featureCount == 0 ? "\(m.components) components, not fitted"
                    : "\(m.components) components of \(m.featureCount) features, σ² = \(formatDouble(m.noiseVariance))"
            })
        }
        func get(_ f: @escaping (PPCA) throws -> Value) -> (Value) throws -> Value {
            { v in
                guard case .object(let b as ModelBox<PPCA>) = v else { return .none }
                return try f(b.model)
            }
        }
        ppca.initializer(NativeFunction("init(components: Int)", doc: "A model with a latent space of the given size.") { call in
            box(try PPCA(components: try call.int(0)))
        })
        ppca.method(NativeFunction("fit(_ x: Tensor)", doc: "The closed-form maximum-likelihood fit: W from the top eigenvectors, σ² the mean discarded eigenvalue.") { call in
            try call.model(PPCA.self).fit(try call.tensor(0))
            return .void
        })
        ppca.method(NativeFunction("fitEM(_ x: Tensor, iterations: Int = 100, seed: Int? = nil)",
                                   doc: "Maximum likelihood by expectation–maximisation from a random start.") { call in
            try call.model(PPCA.self).fitEM(try call.tensor(0), iterations: try call.int(1, default: 100), seed: try call.seed(2),
                                            progress: call.progress)
            return .void
        })
        ppca.method(NativeFunction("logLikelihood(_ x: Tensor) -> Tensor", doc: "Exact log p(x) of each row under N(μ, WWᵀ + σ²I).") { call in
            .tensor(try call.model(PPCA.self).logLikelihood(try call.tensor(0)))
        })
        ppca.method(NativeFunction("averageLogLikelihood(_ x: Tensor) -> Double", doc: "The mean log p(x) per row, in nats.") { call in
            .double(try call.model(PPCA.self).averageLogLikelihood(try call.tensor(0)))
        })
        ppca.method(NativeFunction("posterior(_ x: Tensor) -> (mean: Tensor, covariance: Tensor)",
                                   doc: "p(z | x): mean M⁻¹Wᵀ(x − μ) per row and the shared covariance σ²M⁻¹.") { call in
            let p = try call.model(PPCA.self).posterior(try call.tensor(0))
            return call.record(["mean": .tensor(p.mean), "covariance": .tensor(p.covariance)])
        })
        ppca.method(NativeFunction("encode(_ x: Tensor) -> Tensor", doc: "The posterior mean of z for each row.") { call in
            .tensor(try call.model(PPCA.self).encode(try call.tensor(0)))
        })
        ppca.method(NativeFunction("decode(_ z: Tensor) -> Tensor", doc: "Wz + μ for each row of codes.") { call in
            .tensor(try call.model(PPCA.self).decode(try call.tensor(0)))
        })
        ppca.method(NativeFunction("reconstruct(_ x: Tensor) -> Tensor", doc: "Decodes the posterior mean of each row.") { call in
            .tensor(try call.model(PPCA.self).reconstruct(try call.tensor(0)))
        })
        ppca.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Draws from the model's marginal p(x).") { call in
            .tensor(try call.model(PPCA.self).sample(try call.int(0), seed: try call.seed(1)))
        })
        ppca.method(NativeFunction("save(to path: String)", doc: "Writes the fitted parameters to a checkpoint file.") { call in
            try call.model(PPCA.self).save(to: try call.path(0))
            return .void
        })
        ppca.method(NativeFunction("load(from path: String)", doc: "Reads parameters saved by save(to:).") { call in
            try call.model(PPCA.self).load(from: try call.path(0))
            return .void
        })
        ppca.property(NativeProperty("mean", "Tensor", doc: "μ, the data mean.", get: get { .tensor($0.mean) }))
        ppca.property(NativeProperty("weight", "Tensor", doc: "W, features × components.", get: get { .tensor($0.weight) }))
        ppca.property(NativeProperty("noiseVariance", "Double", doc: "σ², the isotropic noise variance.", get: get { .double($0.noiseVariance) }))
        ppca.property(NativeProperty("covariance", "Tensor", doc: "The marginal covariance WWᵀ + σ²I.", get: get { .tensor(try $0.covariance) }))
        ppca.property(NativeProperty("explainedVarianceRatio", "[Double]", doc: "The share of variance each component explains.",
                                     get: get { .doubles(try $0.explainedVarianceRatio) }))
        ppca.property(NativeProperty("history", "LossHistory", doc: "The log-likelihood per EM iteration.", get: get { .object(HistoryValue($0.history)) }))
        type(ppca, topic: "Models: probabilistic PCA")
    }

    private func registerMADE() {
        let made = TypeBinding("MADE", doc: "A masked autoencoder for distribution estimation: an autoregressive model of binary vectors (Germain et al., 2015).")
        made.initializer(NativeFunction("init(inputs: Int = 64, hidden: [Int] = [512], orderings: Int = 1, seed: Int? = nil)",
                                        doc: "A masked MLP; with several orderings the likelihood is their mixture.") { call in
            let m = try MADE(inputs: try call.int(0, default: 64), hidden: try call.ints(1, default: [512]),
                             orderings: try call.int(2, default: 1), seed: try call.seed(3))
            return .object(ModelBox(m, typeName: "MADE") { m in
                "\(m.inputs) inputs, hidden \(m.hidden), \(m.orderingCount) ordering\(m.orderingCount == 1 ? "" : "s")"
            })
        })
        made.method(NativeFunction("fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 0.002, seed: Int? = nil)",
                                   doc: "Maximum likelihood on binary rows with Adam.") { call in
            try call.model(MADE.self).fit(try call.tensor(0), epochs: try call.int(1, default: 30), batchSize: try call.int(2, default: 64),
                                          learningRate: try call.double(3, default: 2e-3), seed: try call.seed(4), progress: call.progress)
            return .void
        })
        made.method(NativeFunction("logLikelihood(_ x: Tensor) -> Tensor", doc: "Exact log p(x) of each binary row, by the chain rule.") { call in
            .tensor(try call.model(MADE.self).logLikelihood(try call.tensor(0)))
        })
        made.method(NativeFunction("negativeLogLikelihood(_ x: Tensor) -> Double", doc: "The mean −log p(x) per row, in nats.") { call in
            .double(try call.model(MADE.self).negativeLogLikelihood(try call.tensor(0)))
        })
        made.method(NativeFunction("logits(_ x: Tensor, ordering: Int = 0) -> Tensor", doc: "The logit of p(x_i = 1 | x_<i) for every i.") { call in
            .tensor(try call.model(MADE.self).logits(try call.tensor(0), ordering: try call.int(1, default: 0)))
        })
        made.method(NativeFunction("sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Draws rows one variable at a time (one pass per variable).") { call in
            .tensor(try call.model(MADE.self).sample(try call.int(0), seed: try call.seed(1), progress: call.progress))
        })
        made.method(NativeFunction("save(to path: String)", doc: "Writes the weights to a checkpoint file.") { call in
            try Checkpoint.save(call.model(MADE.self), to: try call.path(0))
            return .void
        })
        made.method(NativeFunction("load(from path: String)", doc: "Reads weights saved by save(to:) into a MADE of the same shape.") { call in
            try Checkpoint.load(into: call.model(MADE.self), from: try call.path(0))
            return .void
        })
        made.property(NativeProperty("history", "LossHistory", doc: "The training loss per step.", get: { v in
            guard case .object(let b as ModelBox<MADE>) = v else { return .none }
            return .object(HistoryValue(b.model.history))
        }))
        type(made, topic: "Models: autoregressive")
    }
}
