import Foundation
import NetKBTestSupport
import Testing

/// `netkb layers`, `netkb concepts`, search by layer and concept, bilingual search and
/// `.netkb/concepts.yml`, end to end on the user's notes and small vaults.
@Suite("netkb layers and concepts")
struct ConceptsCommandTests {
    static let userNotes = NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes")

    // MARK: layers

    @Test func layersPictureOfTheUsersNotes() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["layers"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        // The stack from 7 down to 1, TCP/IP beside it; the presentation layer is the gap.
        let rows = Array(lines.dropFirst().prefix(7))
        #expect(rows.map { String($0.prefix(2)) } == ["7 ", "6 ", "5 ", "4 ", "3 ", "2 ", "1 "])
        #expect(rows[1].contains("│ Application") && rows[1].contains("gap: no section mentions this layer"))
        #expect(rows[3].contains("[ Transport") && rows[3].contains("TCP 7"))
        #expect(rows[4].contains("[ Internet") && rows[4].contains("IP 4"))
        #expect(rows[5].contains("┌ Link") && rows[5].contains("MAC"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour off a terminal")
        // The topics by the layer an expert gives them.
        let topics = try #require(run.stdout.components(separatedBy: "Topics by the layer they are mostly about:\n").last)
        #expect(topics.contains("  L4 Transport\n    network.md:2  TCP Handshake  (L4)\n"))
        #expect(topics.contains("network.md:104  IP와 TCP/UDP 간단하게  (L3+L4)"))
        #expect(topics.contains("  L2 Data Link\n    network.md:164  LAN, WAN, NIC, MAC Addr, NAT << 정리 예정  (L2+L3)"))
        let coloured = try vault.netkb(["layers", "--color", "always", "--no-refresh"])
        #expect(coloured.stdout.contains("\u{1B}[36m█"))
    }

    /// A hostile trial: with 50,000 sections the count ran into the bar (`████50000`).
    @Test func aLargeCountStaysApartFromTheBar() throws {
        let vault = try Vault()
        var text = "# Big\n"
        for n in 0..<10_000 { text += "\n## TCP \(n)\n\nTCP segment\n" }
        try vault.write("big.md", text)
        let run = try vault.netkb(["layers"])
        #expect(run.status == 0)
        let transport = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("4 Transport") })
        #expect(transport.contains("████████████████████████ 10000  "), "\(transport)")
        #expect(run.stdout.contains("1 Physical        └                ························     0  gap"))
    }

    @Test func layersJSONKeepsTheDesignContract() throws {
        let vault = try Vault(copying: Self.userNotes)
        let json = try vault.netkb(["layers", "--format", "json"]).json()
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(layers.map { $0["osi"] as? Int } == [7, 6, 5, 4, 3, 2, 1])
        #expect(layers.map { $0["tcpip"] as? String } == ["Application", "Application", "Application", "Transport", "Internet", "Link", "Link"])
        #expect(layers[1]["concepts"] as? [Any] == nil || (layers[1]["concepts"] as? [Any])?.isEmpty == true)
        let transport = layers[3]
        #expect(transport["name"] as? String == "Transport")
        let concepts = try #require(transport["concepts"] as? [[String: Any]])
        let tcp = try #require(concepts.first { $0["id"] as? String == "tcp" })
        #expect(tcp["name"] as? String == "Transmission Control Protocol")
        let sections = try #require(tcp["sections"] as? [[String: Any]])
        #expect(sections.first?["path"] as? String == "network.md")
        #expect(sections.first?["line"] as? Int == 2)
        #expect(sections.first?["heading"] as? String == "TCP Handshake")
        func topicLayers(_ heading: String) -> [Int]? {
            for layer in layers {
                for topic in layer["topics"] as? [[String: Any]] ?? [] where topic["heading"] as? String == heading {
                    return topic["layers"] as? [Int]
                }
            }
            return nil
        }
        #expect(topicLayers("TCP Handshake") == [4])
        #expect(topicLayers("IP와 TCP/UDP 간단하게") == [3, 4])
        #expect(topicLayers("LAN, WAN, NIC, MAC Addr, NAT << 정리 예정") == [2, 3])
    }

    // MARK: concepts

    @Test(arguments: ["TCP", "tcp", "전송 제어 프로토콜", "transmission control protocol"])
    func aConceptsCardByAnyOfItsNames(_ name: String) throws {
        let vault = try Vault(copying: Self.userNotes)
        let card = try vault.netkb(["concepts", name, "--format", "json"]).json()
        #expect(card["id"] as? String == "tcp")
        #expect(card["osi"] as? [Int] == [4])
        #expect((card["korean"] as? [String])?.first == "전송 제어 프로토콜")
        let sections = try #require(card["sections"] as? [[String: Any]])
        #expect(sections.contains { $0["line"] as? Int == 11 && $0["heading"] as? String == "3 Way Handshake - TCP 연결" })
        let references = try #require(card["references"] as? [[String: Any]])
        #expect(references.contains { $0["url"] as? String == "https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake" })
        #expect((card["related"] as? [[String: Any]])?.contains { $0["id"] as? String == "udp" } == true)
    }

    @Test func conceptsTextListAndCard() throws {
        let vault = try Vault(copying: Self.userNotes)
        let list = try vault.netkb(["concepts"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("L4        tcp                           TCP — Transmission Control Protocol (전송 제어 프로토콜)  · 7 sections"))
        #expect(list.stdout.hasSuffix("mentioned in the notes\n"))
        let card = try vault.netkb(["concepts", "3 way handshake", "--no-refresh"])
        #expect(card.stdout.hasPrefix("Three-way handshake"))
        #expect(card.stdout.contains("  network.md:11  3 Way Handshake - TCP 연결  ×2"))
        let missing = try vault.netkb(["concepts", "no such thing", "--no-refresh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("netkb: error: no concept 'no such thing'"))
        // A near miss gets the name meant, spelled as the taxonomy spells it; a long name is
        // quoted shortened, with no suggestion sought.
        for (typo, meant) in [("TCPP", "TCP"), ("헨드셰이크", "핸드셰이크"), ("3-way handshak", "3-way handshake")] {
            let near = try vault.netkb(["concepts", typo, "--no-refresh"])
            #expect(near.status == 2 && near.stderr == "netkb: error: no concept '\(typo)' (did you mean '\(meant)'?); 'netkb concepts' lists them\n", "\(near.stderr)")
        }
        let long = try vault.netkb(["concepts", String(repeating: "x", count: 100_000), "--no-refresh"])
        #expect(long.status == 2 && long.stderr.utf8.count < 300 && !long.stderr.contains("did you mean"), "\(long.stderr.prefix(300))")
    }

    @Test func codeAndURLsDoNotCountAndLinesAreSourceLines() throws {
        let vault = try Vault()
        try vault.write("a.md", """
            # 메모

            이 문단은 길게 이어지고
            다음 줄에서 라우터를 말한다.

            `TCP` 와 https://example.com/UDP 는 세지 않는다.

            ```
            ARP DNS
            ```
            """)
        let json = try vault.netkb(["layers", "--format", "json"]).json()
        let ids = (json["layers"] as? [[String: Any]] ?? []).flatMap { ($0["concepts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(Set(ids) == ["router"])
        let card = try vault.netkb(["concepts", "router", "--format", "json", "--no-refresh"]).json()
        #expect((card["sections"] as? [[String: Any]])?.first?["line"] as? Int == 4)
    }

    // MARK: .netkb/concepts.yml

    @Test(arguments: [
        ("concepts:\n  - id: x\n    name: [unclosed\n", ".netkb/concepts.yml:4: invalid YAML"),
        ("concepts:\n  - id: my-proto\n    name: My Proto\n    kind: protocol\n    osi: [9]\n", ".netkb/concepts.yml:5: unknown layer '9'"),
        ("concepts:\n  - id: my-a\n    name: A thing\n    kind: protocol\n  - id: my-a\n    name: B thing\n    kind: protocol\n", ".netkb/concepts.yml:5: duplicate concept id 'my-a' (first at line 2)"),
        ("concepts:\n  - id: my-socket\n    name: My socket\n    korean: [소켓]\n    kind: mechanism\n", ".netkb/concepts.yml:4: '소켓' of concept 'my-socket' is already a name of concept 'socket'"),
    ])
    func eachWrongConceptsFileIsOneErrorAndNothingIsIndexed(_ yaml: String, _ expected: String) throws {
        let vault = try Vault(copying: Self.userNotes)
        try vault.write(".netkb/concepts.yml", yaml)
        let run = try vault.netkb(["index"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: \(expected)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: vault.index.path))
        // Also when an index exists: it is left as it was.
        try FileManager.default.removeItem(at: vault.notes.appendingPathComponent(".netkb/concepts.yml"))
        #expect(try vault.netkb(["index"]).status == 0)
        try vault.write(".netkb/concepts.yml", yaml)
        let again = try vault.netkb(["search", "TCP"])
        #expect(again.status == 2 && again.stderr.hasPrefix("netkb: error: \(expected)"))
    }

    @Test func aChangedTaxonomyRetagsStoredSectionsWithoutReadingNotes() throws {
        let vault = try Vault(copying: Self.userNotes)
        let first = try vault.netkb(["index", "--format", "json"]).json()
        let sections = try #require(first["sections"] as? Int)
        #expect(first["retagged"] as? Int == 0)
        // Nothing changed: nothing retagged.
        #expect(try vault.netkb(["index", "--format", "json"]).json()["retagged"] as? Int == 0)
        // A new concept and an override of a shipped one.
        try vault.write(".netkb/concepts.yml", """
            concepts:
              - id: data-exchange
                name: data exchange
                korean: [데이터 송수신]
                osi: [6]
                kind: mechanism
              - id: tcp
                osi: [5]
            """)
        let second = try vault.netkb(["index", "--format", "json"]).json()
        #expect(second["updated"] as? Int == 0 && second["added"] as? Int == 0)
        #expect(second["retagged"] as? Int == sections)
        let card = try vault.netkb(["concepts", "데이터 송수신", "--format", "json", "--no-refresh"]).json()
        #expect(card["osi"] as? [Int] == [6])
        #expect((card["sections"] as? [[String: Any]])?.first?["line"] as? Int == 24)
        let tcp = try vault.netkb(["concepts", "TCP", "--format", "json", "--no-refresh"]).json()
        #expect(tcp["osi"] as? [Int] == [5])
        let layers = try vault.netkb(["layers", "--no-refresh"])
        #expect(!layers.stdout.contains("6 Presentation    │ Application    ························"))
        // Removing the file goes back to the shipped taxonomy, again without reading notes.
        try FileManager.default.removeItem(at: vault.notes.appendingPathComponent(".netkb/concepts.yml"))
        let third = try vault.netkb(["index", "--format", "json"]).json()
        #expect(third["updated"] as? Int == 0 && third["retagged"] as? Int == sections)
        #expect(try vault.netkb(["concepts", "TCP", "--format", "json", "--no-refresh"]).json()["osi"] as? [Int] == [4])
    }

    /// Rebuilds the vault's notes into a second index and expects each command's JSON from
    /// the refreshed index to be the rebuilt one's, byte for byte.
    static func expectSameAsARebuild(_ vault: Vault, _ commands: [[String]]) throws {
        let rebuilt = vault.root.appendingPathComponent("rebuilt.sqlite").path
        #expect(try vault.netkb(["index", "--rebuild", "--index", rebuilt]).status == 0)
        for command in commands {
            let refreshed = try vault.netkb(command + ["--format", "json", "--no-refresh"])
            let fresh = try vault.netkb(command + ["--format", "json", "--no-refresh", "--index", rebuilt])
            #expect(refreshed.status == fresh.status, "\(command)")
            #expect(refreshed.stdout == fresh.stdout, "\(command)")
        }
    }

    /// Concept entries are kept per concept: editing, adding and removing notes must leave
    /// exactly what a full rebuild of the same notes gives, in every command that reads them.
    @Test func refreshedConceptEntriesEqualARebuild() throws {
        let vault = try Vault(copying: Self.userNotes)
        _ = try vault.write("b.md", "# 소켓\n\nTCP 소켓과 UDP 소켓. ARP는 MAC 주소를 찾는다.\n\n## 라우터\n\n라우터는 IP 패킷을 전달한다.\n")
        _ = try vault.write("c.md", "# DNS\n\nDNS는 UDP 53번 포트를 쓴다. TCP도 쓴다.\n")
        #expect(try vault.netkb(["index"]).status == 0)
        // One note edited (a concept gone, others added), one removed, one added.
        _ = try vault.write("b.md", "# 소켓\n\nUDP 소켓만 남았다. TCP 3-way handshake와 SYN, ACK.\n\n## 스위치\n\n스위치는 MAC 주소로 프레임을 보낸다.\n")
        try FileManager.default.removeItem(at: vault.notes.appendingPathComponent("c.md"))
        _ = try vault.write("d/e.md", "# ICMP\n\nping은 ICMP를 쓴다. IP와 TCP 이야기도 조금.\n")
        #expect(try vault.netkb(["index"]).status == 0)
        try Self.expectSameAsARebuild(vault, [
            ["concepts", "TCP"], ["concepts", "UDP"], ["concepts", "MAC 주소"], ["concepts", "DNS"], ["concepts"],
            ["layers"],
            ["search", "소켓", "--concept", "udp"], ["search", "스위치"], ["search", "ICMP"], ["refs", "--concept", "tcp"],
        ])
        let udp = try vault.netkb(["concepts", "UDP", "--format", "json", "--no-refresh"]).json()
        let places = try #require(udp["sections"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(places.contains("b.md") && !places.contains("c.md"))
    }

    /// `layers --format json` lists each concept's sections a concept at a time: every concept
    /// of every layer lists exactly its card's sections, in the same (path, line) order, and a
    /// layer without concepts shows an empty list.
    @Test func layersJSONListsEachConceptsSectionsAsItsCardDoes() throws {
        let vault = try Vault(copying: Self.userNotes)
        _ = try vault.write("z/more.md", "# 더\n\nTCP와 UDP, 그리고 IP.\n\n## ARP\n\nARP는 MAC 주소를 찾는다. TCP 다시.\n")
        let json = try vault.netkb(["layers", "--format", "json"]).json()
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(layers.count == 7)
        var checked = 0
        for layer in layers {
            let concepts = try #require(layer["concepts"] as? [[String: Any]], "every layer has a concepts list")
            for concept in concepts.prefix(4) {
                let id = try #require(concept["id"] as? String)
                let listed = try #require(concept["sections"] as? [[String: Any]]).map { "\($0["path"] ?? ""):\($0["line"] ?? "")" }
                let card = try vault.netkb(["concepts", id, "--format", "json", "--no-refresh"]).json()
                let carded = try #require(card["sections"] as? [[String: Any]]).map { "\($0["path"] ?? ""):\($0["line"] ?? "")" }
                #expect(Set(listed) == Set(carded), "\(id)")
                #expect(listed.count == carded.count && !listed.isEmpty, "\(id)")
                checked += 1
            }
        }
        #expect(checked > 5)
        #expect(layers.contains { ($0["concepts"] as? [Any])?.isEmpty == true }, "a layer the notes leave empty")
    }

    /// The same across buckets of notes (a concept's entries are kept one row per 256 note
    /// ids): 600 notes, then notes edited, removed and added in several buckets.
    @Test func refreshedConceptEntriesEqualARebuildAcrossBuckets() throws {
        let vault = try Vault()
        let sentences = [
            "TCP 소켓과 UDP 소켓.", "ARP는 MAC 주소를 찾는다.", "라우터는 IP 패킷을 전달한다.", "DNS는 UDP 53번 포트를 쓴다.",
            "TCP 3-way handshake와 SYN, ACK.", "스위치는 MAC 주소로 프레임을 보낸다.", "ping은 ICMP를 쓴다.", "HTTP는 TCP 위에서 돈다.",
        ]
        var random = SeededGenerator(state: 11)
        func text(_ number: Int) -> String {
            let body = (0..<3).map { _ in sentences.randomElement(using: &random)! }.joined(separator: " ")
            let other = (0..<2).map { _ in sentences.randomElement(using: &random)! }.joined(separator: " ")
            return "# 노트 \(number)\n\n\(body)\n\n## 더\n\n\(other)\n"
        }
        for number in 0..<600 { _ = try vault.write(String(format: "n/%03d.md", number), text(number)) }
        #expect(try vault.netkb(["index"]).status == 0)
        for number in [3, 255, 256, 300, 511, 599] { _ = try vault.write(String(format: "n/%03d.md", number), text(number + 1_000)) }
        for number in [10, 257, 400, 598] { try FileManager.default.removeItem(at: vault.notes.appendingPathComponent(String(format: "n/%03d.md", number))) }
        for number in 600..<620 { _ = try vault.write(String(format: "m/%03d.md", number), text(number)) }
        #expect(try vault.netkb(["index"]).status == 0)
        try Self.expectSameAsARebuild(vault, [
            ["concepts", "TCP"], ["concepts", "MAC 주소"], ["concepts", "ICMP"], ["concepts"], ["layers"],
            ["search", "소켓", "--concept", "udp", "--limit", "1000"], ["refs", "--concept", "tcp"],
        ])
        let icmp = try vault.netkb(["concepts", "ICMP", "--format", "json", "--no-refresh"]).json()
        let places = try #require(icmp["sections"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(places.count > 100 && places == places.sorted(), "every section, in path order")
        #expect(!places.contains("n/257.md") && places.contains { $0.hasPrefix("m/") })
    }

    // MARK: search

    @Test func searchByLayerAndConcept() throws {
        let vault = try Vault(copying: Self.userNotes)
        let transport = try vault.netkb(["search", "패킷", "--layer", "transport", "--format", "json"]).json()
        let results = try #require(transport["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results { #expect((result["layers"] as? [Int])?.contains(4) == true) }
        for spelling in ["4", "L4", "Transport Layer", "전송", "전송 계층", "전송계층"] {
            let same = try vault.netkb(["search", "패킷", "--layer", spelling, "--format", "json", "--no-refresh"]).json()
            #expect((same["results"] as? [[String: Any]])?.count == results.count, "\(spelling)")
        }
        let link = try vault.netkb(["search", "NIC", "--layer", "link", "--format", "json", "--no-refresh"]).json()
        #expect((link["results"] as? [[String: Any]])?.first?["line"] as? Int == 164)
        let byConcept = try vault.netkb(["search", "연결", "--concept", "4-way handshake", "--format", "json", "--no-refresh"]).json()
        let found = try #require(byConcept["results"] as? [[String: Any]])
        #expect(found.map { $0["line"] as? Int } == [37])
        #expect((found.first?["concepts"] as? [String])?.contains("four-way-handshake") == true)
        let text = try vault.netkb(["search", "연결", "--concept", "FIN", "--no-refresh"])
        #expect(text.stdout.contains("network.md:37  TCP Handshake › 4 Way Handshake - TCP 해제  [L4] FIN, ACK"))
        let badLayer = try vault.netkb(["search", "TCP", "--layer", "L9", "--no-refresh"])
        #expect(badLayer.status == 2 && badLayer.stderr.contains("unknown layer 'L9'"))
        let badConcept = try vault.netkb(["search", "TCP", "--concept", "nothing-like-it", "--no-refresh"])
        #expect(badConcept.status == 2 && badConcept.stderr.contains("no concept 'nothing-like-it'"))
        let typo = try vault.netkb(["search", "TCP", "--layr", "4", "--no-refresh"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean '--layer'?"))
    }

    @Test func bilingualSearchAndExact() throws {
        let vault = try Vault(copying: Self.userNotes)
        // The notes say 소켓, never socket.
        let socket = try vault.netkb(["search", "socket", "--format", "json"])
        #expect(socket.status == 0)
        let json = try socket.json()
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.first?["heading"] as? String == "세션과 소켓의 관계")
        let expanded = try #require(json["expanded"] as? [[String: Any]])
        #expect(expanded.first?["words"] as? String == "socket")
        #expect((expanded.first?["added"] as? [String])?.contains("소켓") == true)
        let exact = try vault.netkb(["search", "socket", "--exact", "--no-refresh"])
        #expect(exact.status == 1)
        #expect(!exact.stderr.contains("also searching"))
        // In text, a note on stderr says which words were added.
        let text = try vault.netkb(["search", "socket", "--no-refresh"])
        #expect(text.stderr.contains("netkb: also searching for other names of concepts: socket → 소켓"))
        // Korean to English: 혼잡 제어 also finds "Congestion Control", and the words as typed rank first.
        let congestion = try vault.netkb(["search", "혼잡", "제어", "--format", "json", "--no-refresh"]).json()
        let added = (congestion["expanded"] as? [[String: Any]])?.first?["added"] as? [String] ?? []
        #expect(added.contains("Congestion control"))
        #expect((congestion["results"] as? [[String: Any]])?.first?["heading"] as? String == "데이터 송수신")
    }
}
