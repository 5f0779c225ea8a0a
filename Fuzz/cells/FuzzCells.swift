// libFuzzer entry point for the cell language: any bytes as a cell's code, parsed, lowered and
// run in a fresh session under a step budget, small size caps and files confined to a scratch
// folder, then once more in a session that a first cell has already used. A cell's own error
// (syntax, type, limits) is fine; a crash, a hang or a runaway allocation is not.
import CellInterpreter
import Foundation

private let scratch: String = {
    let path = NSTemporaryDirectory() + "lectern-fuzz-cells-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private let limits = Limits(timeout: 2, maxCallDepth: 200, maxElements: 20_000, maxSteps: 200_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCells(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let session = Session(limits: limits, seed: 1)
    session.directory = scratch
    session.confinesFiles = true
    _ = session.run(CellSource(code: code, file: "fuzz.md", firstLine: 1))
    _ = session.run(CellSource(code: code, file: "fuzz.md", firstLine: 10))
    return 0
}
