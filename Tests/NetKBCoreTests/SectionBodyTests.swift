import Testing
import NetKBCore

@Suite("Section")
struct SectionBodyTests {
    @Test func bodyIsTheTextUnderTheHeading() {
        let section = Section(headingPath: ["A", "소켓"], level: 2, startLine: 3, endLine: 5, text: "소켓\n끝점이다\n둘째")
        #expect(section.body == "끝점이다\n둘째")
        let empty = Section(headingPath: ["빈"], level: 1, startLine: 1, endLine: 1, text: "빈")
        #expect(empty.body == "")
        let preamble = Section(headingPath: [], level: 0, startLine: 1, endLine: 2, text: "머리말\n둘째")
        #expect(preamble.body == "머리말\n둘째")
    }
}
