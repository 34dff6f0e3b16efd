/// Query parameters that say who shared or clicked a link rather than which page it is; they
/// are removed before references are compared.
///
/// Everywhere (compared without regard to case):
/// - `utm_*` (Google Analytics campaigns);
/// - click and campaign ids of ad and social platforms: `fbclid` (Facebook), `gclid`, `gclsrc`,
///   `dclid`, `gbraid`, `wbraid`, `_ga`, `_gl` (Google), `msclkid` (Microsoft), `yclid`
///   (Yandex), `twclid` (X), `ttclid` (TikTok), `li_fat_id` (LinkedIn), `igshid`, `igsh`
///   (Instagram), `mc_cid`, `mc_eid` (Mailchimp), `_hsenc`, `_hsmi`, `__hstc`, `__hssc`,
///   `__hsfp` (HubSpot), `mkt_tok` (Marketo), `oly_anon_id`, `oly_enc_id`, `vero_id`, `wickedid`;
/// - `ref_src`, `ref_url` (X's embed referrers).
///
/// On some sites only, where the same name is harmless elsewhere:
/// - YouTube: `si` (share id), `feature` (`share`, `youtu.be`, …), `pp`, `ab_channel`;
/// - Spotify (`open.spotify.com`): `si`;
/// - X and Twitter: `s`, `t` (share ids);
/// - Naver blogs: `trackingCode`, `fromRss`.
enum TrackingParameters {
    static let everywhere: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "_ga", "_gl", "msclkid", "yclid", "twclid", "ttclid",
        "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "ref_src", "ref_url",
    ]

    static let bySite: [String: Set<String>] = [
        "youtube.com": ["si", "feature", "pp", "ab_channel"],
        "youtu.be": ["si", "feature", "pp"],
        "open.spotify.com": ["si"],
        "twitter.com": ["s", "t"],
        "x.com": ["s", "t"],
        "blog.naver.com": ["trackingcode", "fromrss"],
    ]

    /// Whether the parameter named `name` (canonically encoded) is tracking on `host` (folded).
    static func isTracking(_ name: String, host: String) -> Bool {
        let key = name.lowercased()
        if key.hasPrefix("utm_") || everywhere.contains(key) { return true }
        return bySite[host]?.contains(key) ?? false
    }
}
