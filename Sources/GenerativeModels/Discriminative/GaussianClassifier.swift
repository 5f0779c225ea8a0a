import Foundation
import NeuralNetworks
import Tensors

/// The generative classifier: one Gaussian per class, `p(x | y = k) = N(μ_k, Σ_k)`, and class priors
/// `π_k`; it predicts by Bayes' rule. With a shared covariance the boundaries are linear (LDA), with one
/// covariance per class quadratic (QDA). Being a density model it also samples each class and scores
/// points by `logDensity` (low density: an anomaly).
///
///     let model = GaussianClassifier(covariance: .perClass)
///     try model.fit(train)
///     let acc = try model.accuracy(test)
public final class GaussianClassifier {
    /// Whether the classes share one covariance matrix or each has its own.
    public enum Covariance: String, Sendable, CaseIterable {
        /// One pooled covariance for every class (linear discriminant analysis).
        case shared
        /// A covariance per class (quadratic discriminant analysis).
        case perClass
    }

    /// The covariance structure chosen at creation.
    public let covariance: Covariance
    /// Added to every covariance's diagonal, so that constant pixels do not make it singular.
    public let regularization: Double
    /// The class means, `[classes, features]`.
    public private(set) var means: Tensor = Tensor([Double]())
    /// The class covariances, `[classes, features, features]` (all equal when shared).
    public private(set) var covariances: Tensor = Tensor([Double]())
    /// The class priors `π_k` (the class frequencies in the training data), `[classes]`.
    public private(set) var priors: Tensor = Tensor([Double]())
    /// The Cholesky factor of each class covariance.
    private var factors: [Tensor] = []
    /// `log det Σ_k` for each class.
    private var logDeterminants: [Double] = []

    /// An unfitted classifier; `regularization` (≥ 0) is added to the covariance diagonals.
    public init(covariance: Covariance = .perClass, regularization: Double = 0.01) {
        self.covariance = covariance
        self.regularization = regularization
    }

    /// The number of classes (0 before `fit`).
    public var classCount: Int { factors.count }
    /// The number of features (0 before `fit`).
    public var featureCount: Int { means.rank == 2 ? means.shape[1] : 0 }

    /// Fits the means, covariances and priors by maximum likelihood (closed form) to labelled data.
    public func fit(_ data: LabeledData) throws {
        try fit(data.x, labels: data.labels)
    }

    /// Fits to the rows of `x` with class `labels[i]` for row `i` (classes `0..<max+1`, each present).
    public func fit(_ x: Tensor, labels: [Int]) throws {
        let name = "GaussianClassifier"
        try ModelError.checkMatrix(x, features: nil, minimumRows: 1, model: name)
        guard labels.count == x.shape[0] else {
            throw ModelError.invalidArgument(model: name, reason: "\(labels.count) labels for \(x.shape[0]) rows")
        }
        guard regularization >= 0, regularization.isFinite else {
            throw ModelError.invalidArgument(model: name, reason: "regularization must be non-negative, got \(regularization)")
        }
        guard labels.allSatisfy({ $0 >= 0 }) else {
            throw ModelError.invalidArgument(model: name, reason: "labels must be non-negative")
        }
        let classes = (labels.max() ?? -1) + 1
        let d = x.shape[1], n = x.shape[0]
        var rowsOf = [[Int]](repeating: [], count: classes)
        for (i, label) in labels.enumerated() { rowsOf[label].append(i) }
        if let empty = rowsOf.firstIndex(where: \.isEmpty) {
            throw ModelError.invalidArgument(model: name, reason: "class \(empty) has no rows (labels must be 0..<classes, each present)")
        }
        var meanRows: [Tensor] = [], scatters: [Tensor] = []
        for rows in rowsOf {
            let part = try x.take(rows, axis: 0)
            let mean = try part.mean(axis: 0)
            let centred = try part - mean
            meanRows.append(mean)
            scatters.append(try Tensor.matmul(centred, centred, transposeA: true))  // Σ (x−μ)(x−μ)ᵀ
        }
        let ridge = try Tensor.eye(d) * regularization
        var covs: [Tensor]
        switch covariance {
        case .perClass:
            covs = try zip(scatters, rowsOf).map { try $0 / Double($1.count) + ridge }
        case .shared:
            var pooled = scatters[0]
            for s in scatters.dropFirst() { pooled = try pooled + s }
            covs = Array(repeating: try pooled / Double(n) + ridge, count: classes)
        }
        var newFactors: [Tensor] = [], logDets: [Double] = []
        for (k, cov) in covs.enumerated() {
            let l: Tensor
            do {
                l = try Linalg.cholesky(cov)
            } catch {
                throw ModelError.invalidArgument(
                    model: name, reason: "the covariance of class \(k) is singular; use a positive regularization")
            }
            newFactors.append(l)
            logDets.append(2 * (0..<d).reduce(0.0) { $0 + Foundation.log(l.scalars[$1 * d + $1]) })
        }
        means = try Tensor.stack(meanRows)
        covariances = try Tensor.stack(covs)
        priors = Tensor(rowsOf.map { Double($0.count) / Double(n) })
        factors = newFactors
        logDeterminants = logDets
    }

    /// `log p(x | y = k)` for every row and class, `[rows, classes]`.
    public func classLogDensities(_ x: Tensor) throws -> Tensor {
        try checkFitted("classLogDensities")
        try ModelError.checkMatrix(x, features: featureCount, model: "GaussianClassifier")
        let d = featureCount, n = x.shape[0]
        var columns: [Tensor] = []
        for k in 0..<classCount {
            let centred = try x - means[k]
            // z = L⁻¹(x − μ): the squared Mahalanobis distance is |z|².
            let z = try Linalg.solveTriangular(factors[k], centred.T, lower: true)
            let mahalanobis = try z.square().sum(axis: 0)
            columns.append(-0.5 * (mahalanobis + (Double(d) * Foundation.log(2 * Double.pi) + logDeterminants[k])))
        }
        return n == 0 ? try Tensor.zeros([0, classCount]) : try Tensor.stack(columns, axis: 1)
    }

    /// `log p(x) = log Σ_k π_k p(x | y = k)` for every row, `[rows]`: an anomaly score (lower is stranger).
    public func logDensity(_ x: Tensor) throws -> Tensor {
        try (classLogDensities(x) + priors.log()).logSumExp(axis: 1)
    }

    /// The posterior class probabilities `p(y = k | x)` for every row, `[rows, classes]`.
    public func predictProbabilities(_ x: Tensor) throws -> Tensor {
        try (classLogDensities(x) + priors.log()).softmax(axis: 1)
    }

    /// The most probable class of every row.
    public func predict(_ x: Tensor) throws -> [Int] {
        try (classLogDensities(x) + priors.log()).argmax(axis: 1).integerScalars()
    }

    /// The fraction of rows of `data` whose class is predicted correctly.
    public func accuracy(_ data: LabeledData) throws -> Double {
        try accuracy(data.x, labels: data.labels)
    }

    /// The fraction of rows of `x` predicted as `labels`.
    public func accuracy(_ x: Tensor, labels: [Int]) throws -> Double {
        try Classification.accuracy(predict(x), labels, model: "GaussianClassifier")
    }

    /// `count` draws from class `label`'s Gaussian, `[count, features]`, from `seed`.
    public func sample(_ count: Int, label: Int, seed: UInt64 = 0) throws -> Tensor {
        try checkFitted("sample")
        guard label >= 0, label < classCount else {
            throw ModelError.invalidArgument(model: "GaussianClassifier", reason: "label \(label) is not one of the \(classCount) classes")
        }
        guard count >= 0 else { throw ModelError.invalidArgument(model: "GaussianClassifier", reason: "count must be non-negative") }
        let noise = try Tensor.randomNormal([count, featureCount], using: RandomGenerator(seed: seed))
        return try Tensor.matmul(noise, factors[label], transposeB: true) + means[label]  // μ + L ε
    }

    /// `count` draws from the joint model: a class from the priors, then a point from its Gaussian.
    public func sample(_ count: Int, seed: UInt64 = 0) throws -> LabeledData {
        try checkFitted("sample")
        guard count >= 0 else { throw ModelError.invalidArgument(model: "GaussianClassifier", reason: "count must be non-negative") }
        let rng = RandomGenerator(seed: seed)
        let labels = try (0..<count).map { _ in try rng.categorical(priors.scalars) }
        let noise = try Tensor.randomNormal([count, featureCount], using: rng)
        var rows: [Tensor] = []
        for i in 0..<count {
            rows.append(try Tensor.matmul(noise[i].reshaped([1, -1]), factors[labels[i]], transposeB: true).flattened() + means[labels[i]])
        }
        let x = count == 0 ? try Tensor.zeros([0, featureCount]) : try Tensor.stack(rows)
        return try LabeledData(x: x, labels: labels)
    }

    private func checkFitted(_ method: String) throws {
        guard !factors.isEmpty else { throw ModelError.notFitted(model: "GaussianClassifier", method: method) }
    }
}

extension GaussianClassifier: StateSaving {
    /// The fitted class means, covariances, priors and their factorisations.
    public func savedState() -> SavedState {
        let (means, covariances, priors, factors, logDeterminants) = (self.means, self.covariances, self.priors, self.factors, self.logDeterminants)
        return SavedState { [self] in
            (self.means, self.covariances, self.priors, self.factors, self.logDeterminants) = (means, covariances, priors, factors, logDeterminants)
        }
    }
}
