import Testing
import Tensors
import GenerativeModels

@Suite("Image sharpness")
struct SharpnessTests {
    @Test("the variance of the Laplacian over interior pixels, computed by hand on a 4×4 image")
    func handComputed() throws {
        // Interior pixels (1,1) (1,2) (2,1) (2,2); only (1,1) is 1, the rest 0.
        var pixels = [Double](repeating: 0, count: 16)
        pixels[5] = 1
        // Laplacians: at (1,1): −4; at (1,2) and (2,1): +1; at (2,2): 0 → mean −0.5, variance (12.25+2.25+2.25+0.25)/4.
        let image = try Tensor(shape: [1, 16], data: pixels)
        #expect(abs(try Evaluation.sharpness(image, height: 4, width: 4) - 17.0 / 4) < 1e-12)
    }

    @Test("a constant image scores 0; a blurred image scores below the crisp one")
    func blurLowersSharpness() throws {
        let constant = try Tensor.full([1, 64], value: 0.7)
        #expect(try Evaluation.sharpness(constant) == 0)
        let checker = (0..<64).map { Double(($0 / 8 + $0 % 8) % 2) }
        var blurred = checker
        for r in 1..<7 { for c in 1..<7 {
            let i = r * 8 + c
            blurred[i] = (checker[i] * 4 + checker[i - 1] + checker[i + 1] + checker[i - 8] + checker[i + 8]) / 8
        } }
        let crisp = try Evaluation.sharpness(try Tensor(shape: [1, 64], data: checker))
        let soft = try Evaluation.sharpness(try Tensor(shape: [1, 8, 8], data: blurred))
        #expect(soft < crisp / 2)
    }

    @Test("refuses images whose size does not match")
    func errors() throws {
        #expect(throws: TensorError.self) { try Evaluation.sharpness(try Tensor.zeros([2, 63])) }
    }
}
