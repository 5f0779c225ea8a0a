import Foundation
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct DigitsTests {
    @Test func digitsHaveTheDocumentedShapeRangeAndLabels() throws {
        let digits = try Dataset.digits()
        #expect(digits.x.shape == [1797, 64])
        #expect(digits.labels.count == 1797)
        #expect(try digits.x.min().item == 0)
        #expect(try digits.x.max().item == 1)
        #expect(Set(digits.labels) == Set(0...9))
        #expect(digits.classCount == 10)
        // First row of the file: label 0, then 0,0,5,13,9,1,0,0,… (divided by 16).
        #expect(digits.labels[0] == 0)
        #expect(try digits.x[0, 0..<4].scalars == [0, 0, 5.0 / 16, 13.0 / 16])
    }

    @Test func binarizedIsThresholdAtOneHalf() throws {
        let digits = try Dataset.digits()
        let b = digits.binarized
        #expect(b.shape == [1797, 64])
        #expect(Set(b.scalars) == [0, 1])
        #expect(zip(b.scalars, digits.x.scalars).allSatisfy { $0 == ($1 > 0.5 ? 1 : 0) })
    }

    @Test func splitPartitionsTheRows() throws {
        let digits = try Dataset.digits()
        let (train, test) = try digits.split(testFraction: 0.25, seed: 3)
        #expect(test.count == 449)
        #expect(train.count + test.count == 1797)
        #expect(train.labels.count == train.x.shape[0])
        let again = try digits.split(testFraction: 0.25, seed: 3)
        #expect(again.test.x == test.x)
    }
}

@Suite struct SyntheticTests {
    @Test func sameSeedSameBitsDifferentSeedDifferentPoints() throws {
        #expect(try Dataset.ring(seed: 5) == Dataset.ring(seed: 5))
        #expect(try Dataset.ring(seed: 5) != Dataset.ring(seed: 6))
        #expect(try Dataset.moons(seed: 1).x == Dataset.moons(seed: 1).x)
        #expect(try Dataset.blobs(seed: 1).labels == Dataset.blobs(seed: 1).labels)
        #expect(try Dataset.swissRoll(seed: 2) == Dataset.swissRoll(seed: 2))
    }

    @Test func ringPointsLieNearTheirModes() throws {
        let modes = 8, radius = 2.0
        let x = try Dataset.ring(count: 400, modes: modes, radius: radius, noise: 0.01, seed: 9)
        let assigned = try Dataset.ringModes(count: 400, modes: modes, seed: 9)
        #expect(x.shape == [400, 2])
        #expect(Set(assigned) == Set(0..<modes))
        for i in 0..<400 {
            let angle = 2 * Double.pi * Double(assigned[i]) / Double(modes)
            let dx = x.scalars[2 * i] - radius * cos(angle), dy = x.scalars[2 * i + 1] - radius * sin(angle)
            #expect((dx * dx + dy * dy).squareRoot() < 0.06)
        }
    }

    @Test func moonsWithoutNoiseLieOnTheirArcs() throws {
        let moons = try Dataset.moons(count: 200, noise: 0, seed: 4)
        #expect(moons.labels.filter { $0 == 0 }.count == 100)
        for i in 0..<200 {
            let x = moons.x.scalars[2 * i], y = moons.x.scalars[2 * i + 1]
            let (cx, cy) = moons.labels[i] == 0 ? (0.0, 0.0) : (1.0, 0.5)
            #expect(abs(((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() - 1) < 1e-12)
        }
    }

    @Test func blobsClusterAroundTheirCentres() throws {
        let blobs = try Dataset.blobs(count: 600, centers: 4, noise: 0.3, seed: 2)
        #expect(blobs.x.shape == [600, 2])
        #expect(Set(blobs.labels) == [0, 1, 2, 3])
        for k in 0..<4 {
            let rows = blobs.labels.indices.filter { blobs.labels[$0] == k }
            let mean = try blobs.x.take(rows, axis: 0).mean(axis: 0).scalars
            let angle = 2 * Double.pi * Double(k) / 4 + Double.pi / 2
            #expect(abs(mean[0] - 4 * cos(angle)) < 0.1 && abs(mean[1] - 4 * sin(angle)) < 0.1)
        }
    }

    @Test func swissRollRadiusMatchesItsAngle() throws {
        let x = try Dataset.swissRoll(count: 300, noise: 0, seed: 1)
        for i in 0..<300 {
            let r = (x.scalars[2 * i] * x.scalars[2 * i] + x.scalars[2 * i + 1] * x.scalars[2 * i + 1]).squareRoot() * 5
            #expect(r >= 1.5 * Double.pi - 1e-9 && r <= 4.5 * Double.pi + 1e-9)
        }
    }

    @Test(arguments: ["ring count", "ring modes", "moons noise", "blobs centers", "swissRoll noise"])
    func badArgumentsThrow(name: String) {
        #expect(throws: DatasetError.self, "\(name)") {
            switch name {
            case "ring count": _ = try Dataset.ring(count: -1)
            case "ring modes": _ = try Dataset.ring(modes: 0)
            case "moons noise": _ = try Dataset.moons(noise: -0.1)
            case "blobs centers": _ = try Dataset.blobs(centers: 0)
            default: _ = try Dataset.swissRoll(noise: .nan)
            }
        }
    }
}
