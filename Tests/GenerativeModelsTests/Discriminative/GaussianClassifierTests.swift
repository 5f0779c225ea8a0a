import Foundation
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct GaussianClassifierTests {
    /// A small labelled set: two classes in 2-D with different covariances.
    static func twoClasses() throws -> LabeledData {
        let rng = RandomGenerator(seed: 11)
        var rows: [[Double]] = [], labels: [Int] = []
        for i in 0..<400 {
            let (a, b) = (rng.normal(), rng.normal())
            if i % 2 == 0 { rows.append([1 + 0.5 * a, -1 + 0.2 * a + 0.3 * b]); labels.append(0) }
            else { rows.append([-1 + 0.8 * a, 2 + 0.6 * b]); labels.append(1) }
        }
        return try LabeledData(x: Tensor(rows), labels: labels)
    }

    @Test(arguments: GaussianClassifier.Covariance.allCases)
    func logDensityEqualsDirectMultivariateNormal(covariance: GaussianClassifier.Covariance) throws {
        let data = try Self.twoClasses()
        let model = GaussianClassifier(covariance: covariance, regularization: 1e-3)
        try model.fit(data)
        let points = try Tensor([[0.3, 0.1], [1, -1], [-2, 3]])
        let classDensities = try model.classLogDensities(points)
        for k in 0..<2 {
            let cov = try model.covariances[k]
            let inv = try Linalg.inverse(cov), logDet = try Linalg.logDeterminant(cov).item
            for i in 0..<3 {
                let d = try (points[i] - model.means[k]).reshaped([2, 1])
                let maha = try (d.T • inv • d).item
                let direct = -0.5 * (2 * log(2 * Double.pi) + logDet + maha)
                #expect(abs(try classDensities[i, k].item - direct) < 1e-10)
            }
        }
        let mixture = try model.logDensity(points)
        for i in 0..<3 {
            let direct = log(try (0..<2).reduce(0.0) { try $0 + model.priors[$1].item * exp(classDensities[i, $1].item) })
            #expect(abs(try mixture[i].item - direct) < 1e-10)
        }
    }

    @Test func fitIsMaximumLikelihood() throws {
        let data = try Self.twoClasses()
        let model = GaussianClassifier(covariance: .perClass, regularization: 0)
        try model.fit(data)
        let class1 = try data.rows(data.labels.indices.filter { data.labels[$0] == 1 })
        let mean = try class1.x.mean(axis: 0)
        let centred = try class1.x - mean
        let cov = try (centred.T • centred) / Double(class1.count)
        #expect(try model.means[1].isApproximatelyEqual(to: mean, relative: 1e-12))
        #expect(try model.covariances[1].isApproximatelyEqual(to: cov, relative: 1e-12, absolute: 1e-14))
        #expect(model.priors.scalars == [0.5, 0.5])
    }

    @Test func sharedCovarianceIsThePooledWithinClassCovariance() throws {
        let data = try Self.twoClasses()
        let model = GaussianClassifier(covariance: .shared, regularization: 0)
        try model.fit(data)
        var pooled = try Tensor.zeros([2, 2])
        for k in 0..<2 {
            let part = try data.rows(data.labels.indices.filter { data.labels[$0] == k }).x
            let c = try part - part.mean(axis: 0)
            pooled = try pooled + c.T • c
        }
        #expect(try model.covariances[0].isApproximatelyEqual(to: pooled / 400, relative: 1e-12, absolute: 1e-14))
        #expect(try model.covariances[0] == model.covariances[1])
    }

    @Test(arguments: GaussianClassifier.Covariance.allCases)
    func classifiesSeparatedBlobs(covariance: GaussianClassifier.Covariance) throws {
        let (train, test) = try Dataset.blobs(count: 600, centers: 3, noise: 0.5, seed: 3).split(testFraction: 0.3, seed: 1)
        let model = GaussianClassifier(covariance: covariance)
        try model.fit(train)
        #expect(try model.accuracy(test) > 0.97)
        let probabilities = try model.predictProbabilities(test.x)
        #expect(try probabilities.sum(axis: 1).isApproximatelyEqual(to: Tensor.ones([test.count]), relative: 1e-12))
    }

    @Test func samplesHaveTheClassMeanAndCovariance() throws {
        let model = GaussianClassifier(covariance: .perClass, regularization: 0)
        try model.fit(Self.twoClasses())
        let draws = try model.sample(20000, label: 0, seed: 5)
        #expect(draws.shape == [20000, 2])
        #expect(try draws.mean(axis: 0).isApproximatelyEqual(to: model.means[0], relative: 0, absolute: 0.02))
        let c = try draws - draws.mean(axis: 0)
        #expect(try ((c.T • c) / 20000).isApproximatelyEqual(to: model.covariances[0], relative: 0.05, absolute: 0.005))
        #expect(try model.sample(10, label: 0, seed: 5) == model.sample(10, label: 0, seed: 5))
        let joint = try model.sample(1000, seed: 2)
        #expect(joint.count == 1000 && Set(joint.labels) == [0, 1])
    }

    @Test func anomaliesHaveLowerDensity() throws {
        let model = GaussianClassifier()
        try model.fit(Self.twoClasses())
        let scores = try model.logDensity(Tensor([[1, -1], [10, 10]]))
        #expect(scores.scalars[0] > scores.scalars[1] + 50)
    }

    @Test func misuseThrowsModelErrors() throws {
        let model = GaussianClassifier()
        #expect(throws: ModelError.notFitted(model: "GaussianClassifier", method: "classLogDensities")) {
            try model.predict(Tensor([[1.0, 2.0]]))
        }
        #expect(throws: ModelError.self) { try model.fit(Tensor([[1.0, 2.0]]), labels: [0, 1]) }
        #expect(throws: ModelError.self) { try model.fit(Tensor([[1.0], [2.0]]), labels: [0, 2]) }  // class 1 missing
        try model.fit(Self.twoClasses())
        #expect(throws: ModelError.self) { try model.predict(Tensor([[1.0, 2.0, 3.0]])) }
        #expect(throws: ModelError.self) { try model.sample(3, label: 2) }
    }
}
