/// Decodes HTML character references in raw HTML: `&#38;`, `&#x26;` and the named references
/// of HTML 4 (`&amp;`, `&lt;`, `&nbsp;`, `&rarr;`, `&eacute;`…).
///
/// A numeric reference to no character (zero, a surrogate, past U+10FFFF) is U+FFFD, as in
/// browsers, and so is one to a control character other than whitespace (`&#27;`, `&#x81;`):
/// note text never gets an escape character this way. A name not in ``named`` is not decoded:
/// the text keeps it as written.
enum CharacterReference {
    /// The named references of HTML 4 (and `&apos;`), by name, with the character each stands
    /// for. `&nbsp;` and the other wide spaces are plain spaces here: the text is for searching
    /// and snippets, where the two are the same. HTML 5's 2,000 more are left as written.
    static let named: [String: UInt32] = [
        "Aacute": 0xC1, "aacute": 0xE1, "Acirc": 0xC2, "acirc": 0xE2, "acute": 0xB4, "AElig": 0xC6,
        "aelig": 0xE6, "Agrave": 0xC0, "agrave": 0xE0, "alefsym": 0x2135, "Alpha": 0x391, "alpha": 0x3B1,
        "amp": 0x26, "and": 0x2227, "ang": 0x2220, "apos": 0x27, "Aring": 0xC5, "aring": 0xE5,
        "asymp": 0x2248, "Atilde": 0xC3, "atilde": 0xE3, "Auml": 0xC4, "auml": 0xE4, "bdquo": 0x201E,
        "Beta": 0x392, "beta": 0x3B2, "brvbar": 0xA6, "bull": 0x2022, "cap": 0x2229, "Ccedil": 0xC7,
        "ccedil": 0xE7, "cedil": 0xB8, "cent": 0xA2, "Chi": 0x3A7, "chi": 0x3C7, "circ": 0x2C6,
        "clubs": 0x2663, "cong": 0x2245, "copy": 0xA9, "crarr": 0x21B5, "cup": 0x222A, "curren": 0xA4,
        "Dagger": 0x2021, "dagger": 0x2020, "dArr": 0x21D3, "darr": 0x2193, "deg": 0xB0, "Delta": 0x394,
        "delta": 0x3B4, "diams": 0x2666, "divide": 0xF7, "Eacute": 0xC9, "eacute": 0xE9, "Ecirc": 0xCA,
        "ecirc": 0xEA, "Egrave": 0xC8, "egrave": 0xE8, "empty": 0x2205, "emsp": 0x20, "ensp": 0x20,
        "Epsilon": 0x395, "epsilon": 0x3B5, "equiv": 0x2261, "Eta": 0x397, "eta": 0x3B7, "ETH": 0xD0,
        "eth": 0xF0, "Euml": 0xCB, "euml": 0xEB, "euro": 0x20AC, "exist": 0x2203, "fnof": 0x192,
        "forall": 0x2200, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "frasl": 0x2044, "Gamma": 0x393,
        "gamma": 0x3B3, "ge": 0x2265, "gt": 0x3E, "hArr": 0x21D4, "harr": 0x2194, "hearts": 0x2665,
        "hellip": 0x2026, "Iacute": 0xCD, "iacute": 0xED, "Icirc": 0xCE, "icirc": 0xEE, "iexcl": 0xA1,
        "Igrave": 0xCC, "igrave": 0xEC, "image": 0x2111, "infin": 0x221E, "int": 0x222B, "Iota": 0x399,
        "iota": 0x3B9, "iquest": 0xBF, "isin": 0x2208, "Iuml": 0xCF, "iuml": 0xEF, "Kappa": 0x39A,
        "kappa": 0x3BA, "Lambda": 0x39B, "lambda": 0x3BB, "lang": 0x2329, "laquo": 0xAB, "lArr": 0x21D0,
        "larr": 0x2190, "lceil": 0x2308, "ldquo": 0x201C, "le": 0x2264, "lfloor": 0x230A, "lowast": 0x2217,
        "loz": 0x25CA, "lrm": 0x200E, "lsaquo": 0x2039, "lsquo": 0x2018, "lt": 0x3C, "macr": 0xAF,
        "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7, "minus": 0x2212, "Mu": 0x39C, "mu": 0x3BC,
        "nabla": 0x2207, "nbsp": 0x20, "ndash": 0x2013, "ne": 0x2260, "ni": 0x220B, "not": 0xAC,
        "notin": 0x2209, "nsub": 0x2284, "Ntilde": 0xD1, "ntilde": 0xF1, "Nu": 0x39D, "nu": 0x3BD,
        "Oacute": 0xD3, "oacute": 0xF3, "Ocirc": 0xD4, "ocirc": 0xF4, "OElig": 0x152, "oelig": 0x153,
        "Ograve": 0xD2, "ograve": 0xF2, "oline": 0x203E, "Omega": 0x3A9, "omega": 0x3C9, "Omicron": 0x39F,
        "omicron": 0x3BF, "oplus": 0x2295, "or": 0x2228, "ordf": 0xAA, "ordm": 0xBA, "Oslash": 0xD8,
        "oslash": 0xF8, "Otilde": 0xD5, "otilde": 0xF5, "otimes": 0x2297, "Ouml": 0xD6, "ouml": 0xF6,
        "para": 0xB6, "part": 0x2202, "permil": 0x2030, "perp": 0x22A5, "Phi": 0x3A6, "phi": 0x3C6,
        "Pi": 0x3A0, "pi": 0x3C0, "piv": 0x3D6, "plusmn": 0xB1, "pound": 0xA3, "Prime": 0x2033,
        "prime": 0x2032, "prod": 0x220F, "prop": 0x221D, "Psi": 0x3A8, "psi": 0x3C8, "quot": 0x22,
        "radic": 0x221A, "rang": 0x232A, "raquo": 0xBB, "rArr": 0x21D2, "rarr": 0x2192, "rceil": 0x2309,
        "rdquo": 0x201D, "real": 0x211C, "reg": 0xAE, "rfloor": 0x230B, "Rho": 0x3A1, "rho": 0x3C1,
        "rlm": 0x200F, "rsaquo": 0x203A, "rsquo": 0x2019, "sbquo": 0x201A, "Scaron": 0x160, "scaron": 0x161,
        "sdot": 0x22C5, "sect": 0xA7, "shy": 0xAD, "Sigma": 0x3A3, "sigma": 0x3C3, "sigmaf": 0x3C2,
        "sim": 0x223C, "spades": 0x2660, "sub": 0x2282, "sube": 0x2286, "sum": 0x2211, "sup": 0x2283,
        "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "supe": 0x2287, "szlig": 0xDF, "Tau": 0x3A4, "tau": 0x3C4,
        "there4": 0x2234, "Theta": 0x398, "theta": 0x3B8, "thetasym": 0x3D1, "thinsp": 0x20, "THORN": 0xDE,
        "thorn": 0xFE, "tilde": 0x2DC, "times": 0xD7, "trade": 0x2122, "Uacute": 0xDA, "uacute": 0xFA,
        "uArr": 0x21D1, "uarr": 0x2191, "Ucirc": 0xDB, "ucirc": 0xFB, "Ugrave": 0xD9, "ugrave": 0xF9,
        "uml": 0xA8, "upsih": 0x3D2, "Upsilon": 0x3A5, "upsilon": 0x3C5, "Uuml": 0xDC, "uuml": 0xFC,
        "weierp": 0x2118, "Xi": 0x39E, "xi": 0x3BE, "Yacute": 0xDD, "yacute": 0xFD, "yen": 0xA5,
        "Yuml": 0x178, "yuml": 0xFF, "Zeta": 0x396, "zeta": 0x3B6, "zwj": 0x200D, "zwnj": 0x200C,
    ]

    /// What browsers show for a numeric reference to 0x80–0x9F: the Windows-1252 character
    /// (`&#150;` is `–`), as notes pasted from old web pages and Word documents mean.
    static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x2C6, 0x89: 0x2030, 0x8A: 0x160, 0x8B: 0x2039, 0x8C: 0x152, 0x8E: 0x17D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2DC,
        0x99: 0x2122, 0x9A: 0x161, 0x9B: 0x203A, 0x9C: 0x153, 0x9E: 0x17E, 0x9F: 0x178,
    ]

    /// The longest name in ``named``; a longer run of letters after `&` is no reference of it.
    private static let longestName = named.keys.map(\.utf8.count).max() ?? 0

    /// The UTF-8 bytes of the reference starting with `&` at `start`, and the offset after its
    /// `;`; nil when no reference this type decodes starts there.
    static func decode(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> (bytes: [UInt8], end: Int)? {
        var index = start + 1
        guard index < html.count else { return nil }
        if html[index] == UInt8(ascii: "#") {
            index += 1
            let hexadecimal = index < html.count && (html[index] | 0x20) == UInt8(ascii: "x")
            if hexadecimal { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < html.count, let digit = digitValue(html[index], hexadecimal: hexadecimal), index - digitsStart < 8 {
                value = value * (hexadecimal ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < html.count, html[index] == UInt8(ascii: ";") else { return nil }
            let scalar = Unicode.Scalar(windows1252[value] ?? value).flatMap { isShown($0) ? $0 : nil } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), index + 1)
        }
        let nameStart = index
        while index < html.count, index - nameStart <= longestName,
              HTMLScanning.isASCIILetter(html[index]) || HTMLScanning.isASCIIDigit(html[index]) { index += 1 }
        guard index > nameStart, index < html.count, html[index] == UInt8(ascii: ";"),
              let value = named[String(decoding: UnsafeBufferPointer(rebasing: html[nameStart..<index]), as: UTF8.self)],
              let scalar = Unicode.Scalar(value)
        else { return nil }
        return (Array(String(Character(scalar)).utf8), index + 1)
    }

    /// Whether a referenced character is text: not NUL or another control character, except
    /// tab, line feed, form feed and carriage return.
    private static func isShown(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: true
        }
    }

    private static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        if HTMLScanning.isASCIIDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        guard hexadecimal else { return nil }
        let lower = byte | 0x20
        guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") else { return nil }
        return UInt32(lower - UInt8(ascii: "a") + 10)
    }
}
