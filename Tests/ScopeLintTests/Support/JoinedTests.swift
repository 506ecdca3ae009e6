import Testing

@testable import ScopeLint

@Suite("Arrays joined without copying")
struct JoinedTests {
    static func finding(_ number: Int) -> Finding {
        Finding(
            rule: .missingScope, severity: .error, store: "s", account: "a\(number)", policy: nil, scope: nil,
            expected: nil, actual: nil, facts: .none, location: nil,
            order: Finding.Order(file: 0, store: 0, account: number, rule: 0, scope: 0, policy: ""))
    }

    /// Seven findings cut into parts of these sizes (empty parts are dropped).
    @Test(
        "moving, measuring and changing through the parts",
        arguments: [[7], [1, 6], [0, 3, 0, 4], [1, 1, 1, 1, 1, 1, 1]])
    func parts(sizes: [Int]) {
        let all = (0..<7).map(Self.finding)
        var list = Joined<Finding>()
        var next = 0
        for size in sizes {
            list.append(part: Array(all[next..<next + size]))
            next += size
        }
        #expect(list.parts.count == sizes.count { $0 > 0 })
        #expect(list.count == 7 && Array(list) == all && list == Joined(all))
        #expect(Array(list.reversed()) == all.reversed())
        for from in 0...7 {
            let index = list.index(list.startIndex, offsetBy: from)
            #expect(list.distance(from: list.startIndex, to: index) == from)
            for to in 0...7 {
                #expect(list.index(index, offsetBy: to - from) == list.index(list.startIndex, offsetBy: to))
                #expect(list.distance(from: index, to: list.index(list.startIndex, offsetBy: to)) == to - from)
            }
            if from < 7 { #expect(list[index] == all[from]) }
        }
        #expect(list.index(list.startIndex, offsetBy: 7) == list.endIndex)
        #expect(list.isSorted { $0.order < $1.order })
        #expect(!Joined(all.reversed()).isSorted { $0.order < $1.order })
        var crossed = Joined<Finding>()
        crossed.append(part: [all[0], all[2]])
        crossed.append(part: [all[1]])
        #expect(!crossed.isSorted { $0.order < $1.order })
        var changed = list
        changed[changed.index(changed.startIndex, offsetBy: 4)].severity = .note
        #expect(changed.map(\.severity) == [.error, .error, .error, .error, .note, .error, .error])
        #expect(changed != list && list.map(\.severity).allSatisfy { $0 == .error })
    }
}
