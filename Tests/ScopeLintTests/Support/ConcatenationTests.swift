import Testing

@testable import ScopeLint

@Suite("String(writing:)")
struct ConcatenationTests {
    @Test("it writes the pieces in order, whatever their encoding and length")
    func pieces() {
        let long = String(repeating: "risk ", count: 40)
        let text = String { put in
            put("Boutique Élodie")
            put("")
            put(" at ")
            put("🛒")
            put(long)
        }
        #expect(text == "Boutique Élodie at 🛒" + long)
        #expect(String { _ in } == "")
    }
}
