// libFuzzer entry point for TeX → MathML: any bytes, as UTF-8 text, in inline and display
// mode. A crash, a hang or an allocation blow-up is a bug; a thrown TeXMathError is not.
import TeXToMathML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let tex = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let converter = MathMLConverter()
    _ = try? converter.convert(tex, display: false)
    _ = converter.render(tex, display: true)
    return 0
}
