import Yams

/// How netkb's YAML readers tag plain scalars: `null` (`~`, `null`, empty) or a string. They
/// read every other value as text, so Yams's default resolver, which tries six regular
/// expressions on a scalar before it calls it a string (a few thousand instructions each, and
/// again each time a mapping's keys are checked for duplicates), does work nobody reads: a
/// third of reading the shipped taxonomy.
enum YAMLScalarTags {
    static let resolver = Resolver.basic.appending(.null)
}
