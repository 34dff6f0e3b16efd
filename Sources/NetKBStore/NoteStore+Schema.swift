import GRDB

extension NoteStore {
    /// The schema, as migrations. Never edit a shipped migration: add one.
    ///
    /// Rows hang off `notes` with `ON DELETE CASCADE` on indexed `note_id` columns; `section_id`
    /// carries no foreign key, since checking one on every section deleted would scan `links`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.execute(sql: """
                CREATE TABLE notes (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    aliases TEXT NOT NULL DEFAULT '',
                    modified INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL
                );
                CREATE TABLE sections (
                    id INTEGER PRIMARY KEY,
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    heading_path TEXT NOT NULL,
                    start_line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    heading TEXT NOT NULL,
                    context TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX sections_by_note ON sections(note_id);
                CREATE VIRTUAL TABLE sections_fts USING fts5(
                    heading, context, body,
                    content='sections', content_rowid='id',
                    tokenize='porter netkb'
                );
                INSERT INTO sections_fts(sections_fts, rank) VALUES ('hashsize', 16777216);
                CREATE TABLE links (
                    id INTEGER PRIMARY KEY,
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    section_id INTEGER,
                    target TEXT NOT NULL,
                    text TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    col INTEGER NOT NULL
                );
                CREATE INDEX links_by_note ON links(note_id);
                CREATE TABLE note_references (
                    id INTEGER PRIMARY KEY,
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    section_id INTEGER,
                    url TEXT NOT NULL,
                    label TEXT,
                    description TEXT,
                    line INTEGER NOT NULL,
                    col INTEGER NOT NULL
                );
                CREATE INDEX references_by_note ON note_references(note_id);
                CREATE TABLE tags (
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    name TEXT NOT NULL COLLATE NOCASE,
                    line INTEGER NOT NULL
                );
                CREATE INDEX tags_by_name ON tags(name);
                CREATE INDEX tags_by_note ON tags(note_id);
                """)
        }
        migrator.registerMigration("v2: application id, section sizes") { db in
            // Marks the file as netkb's, so that only such a file is ever replaced.
            try db.execute(sql: """
                PRAGMA application_id = \(IndexFileIdentity.applicationID);
                ALTER TABLE sections ADD COLUMN body_bytes INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v3: link resolution") { db in
            try db.execute(sql: """
                CREATE TABLE files (path TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
                CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE note_names (
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL
                );
                CREATE INDEX note_names_by_note ON note_names(note_id);
                CREATE INDEX note_names_by_key ON note_names(key);
                CREATE TABLE note_anchors (
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE INDEX note_anchors_by_note ON note_anchors(note_id);
                ALTER TABLE notes ADD COLUMN names_hash INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sections ADD COLUMN slug TEXT NOT NULL DEFAULT '';
                ALTER TABLE links ADD COLUMN target_key TEXT NOT NULL DEFAULT '';
                ALTER TABLE links ADD COLUMN status TEXT;
                ALTER TABLE links ADD COLUMN broken_kind TEXT;
                ALTER TABLE links ADD COLUMN reason TEXT;
                ALTER TABLE links ADD COLUMN suggestion TEXT;
                ALTER TABLE links ADD COLUMN target_path TEXT;
                ALTER TABLE links ADD COLUMN target_section INTEGER;
                CREATE INDEX links_by_key ON links(target_key);
                CREATE INDEX links_by_target ON links(target_path);
                """)
        }
        migrator.registerMigration("v4: reference urls") { db in
            // References are de-duplicated by their normalised URL and grouped by site; images
            // are kept apart, listed only on request. `refs` lists them in note and line order
            // straight from an index, without sorting.
            try db.execute(sql: """
                ALTER TABLE note_references ADD COLUMN normalized_url TEXT NOT NULL DEFAULT '';
                ALTER TABLE note_references ADD COLUMN domain TEXT NOT NULL DEFAULT '';
                ALTER TABLE note_references ADD COLUMN is_image INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX references_by_url ON note_references(normalized_url);
                CREATE INDEX references_by_domain ON note_references(domain);
                DROP INDEX references_by_note;
                CREATE INDEX references_by_note_line ON note_references(note_id, line, col);
                """)
        }
        migrator.registerMigration("v5: concepts") { db in
            // The taxonomy the sections were tagged with (its fingerprint is in `settings`), and
            // what each section mentions. Lists are kept one per line; layers as bit masks (bit
            // n for OSI layer n, or TCP/IP layer n from the link up).
            try db.execute(sql: """
                CREATE TABLE concepts (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    korean TEXT NOT NULL,
                    abbreviations TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    osi INTEGER NOT NULL,
                    tcpip INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    related TEXT NOT NULL,
                    note TEXT,
                    sections INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE concept_names (
                    key TEXT NOT NULL,
                    concept_id TEXT NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE INDEX concept_names_by_key ON concept_names(key);
                CREATE TABLE section_concepts (
                    section_id INTEGER NOT NULL,
                    concept_id TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    first_line INTEGER NOT NULL,
                    PRIMARY KEY (section_id, concept_id)
                ) WITHOUT ROWID;
                CREATE INDEX section_concepts_by_concept ON section_concepts(concept_id, section_id);
                CREATE TABLE note_topics (
                    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    heading TEXT NOT NULL,
                    dominant INTEGER NOT NULL,
                    layers INTEGER NOT NULL
                );
                CREATE INDEX note_topics_by_note ON note_topics(note_id);
                CREATE INDEX note_topics_by_layer ON note_topics(dominant);
                ALTER TABLE notes ADD COLUMN dominant_layer INTEGER;
                ALTER TABLE sections ADD COLUMN layers INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sections ADD COLUMN mentioned_layers INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sections ADD COLUMN text_map BLOB;
                CREATE INDEX sections_by_layers ON sections(layers, mentioned_layers);
                """)
        }
        migrator.registerMigration("v6: external link checks") { db in
            // What `check --external` found for each URL it requested (the URL as requested:
            // no fragment, ASCII host), kept so that a second run within the cache age sends
            // nothing. Not tied to notes: a full rebuild copies the rows into the new file.
            try db.execute(sql: """
                CREATE TABLE external_link_cache (
                    url TEXT PRIMARY KEY NOT NULL,
                    verdict TEXT NOT NULL,
                    status INTEGER,
                    final_url TEXT,
                    reason TEXT,
                    checked_at REAL NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v7: search precision") { db in
            // The tokenizer now writes the bigram across a space as a token of its own (`잡 제`),
            // so that a two-syllable word is matched inside words only, and section text leaves
            // out Markdown that cmark kept as text; an index from before this is older, and is
            // rebuilt. `about` holds a note's front-matter text besides its title (aliases,
            // description, summary), which its sections' context carries into the full-text index.
            // `sections_by_id` maps a matched section to its note without reading the section's
            // row, text and all: whole-note and title matches join many sections so.
            try db.execute(sql: """
                ALTER TABLE notes ADD COLUMN about TEXT NOT NULL DEFAULT '';
                CREATE INDEX sections_by_id ON sections(id, note_id, ordinal);
                """)
        }
        migrator.registerMigration("v8: references, topics and concept entries in reading order") { db in
            // `refs`, `layers` and a concept's card list in path order straight from these
            // tables, without reading the sections (large rows) or sorting every topic.
            try db.execute(sql: """
                ALTER TABLE note_references ADD COLUMN section_line INTEGER;
                ALTER TABLE note_references ADD COLUMN heading_path TEXT;
                UPDATE note_references SET
                    section_line = (SELECT start_line FROM sections WHERE id = note_references.section_id),
                    heading_path = (SELECT heading_path FROM sections WHERE id = note_references.section_id)
                    WHERE section_id IS NOT NULL;
                ALTER TABLE note_topics ADD COLUMN path TEXT NOT NULL DEFAULT '';
                UPDATE note_topics SET path = (SELECT path FROM notes WHERE id = note_topics.note_id);
                DROP INDEX note_topics_by_layer;
                CREATE INDEX note_topics_by_layer ON note_topics(dominant, path, line);
                ALTER TABLE section_concepts ADD COLUMN note_id INTEGER NOT NULL DEFAULT 0;
                UPDATE section_concepts SET note_id = (SELECT note_id FROM sections WHERE id = section_concepts.section_id);
                DROP INDEX section_concepts_by_concept;
                CREATE INDEX section_concepts_by_concept ON section_concepts(concept_id, note_id, section_id);
                """)
        }
        migrator.registerMigration("v9: concept entries kept in concept order") { db in
            // Rows arrive section by section but are read concept by concept (a card, `--concept`):
            // keyed that way, the table needs no second index, which a full build would have to
            // sort and write. A section's own list of concepts is kept with the section.
            try db.execute(sql: """
                DROP TABLE section_concepts;
                CREATE TABLE section_concepts (
                    concept_id TEXT NOT NULL,
                    note_id INTEGER NOT NULL,
                    section_id INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    first_line INTEGER NOT NULL,
                    PRIMARY KEY (concept_id, note_id, section_id)
                ) WITHOUT ROWID;
                ALTER TABLE sections ADD COLUMN concepts TEXT NOT NULL DEFAULT '';
                DELETE FROM settings WHERE key = 'taxonomy';
                """)
        }
        migrator.registerMigration("v10: concept entries packed by bucket of notes") { db in
            // A concept's entries for the notes of one bucket of ids are one row (see
            // ConceptSectionBucket): a full index wrote a row for each of a concept's 665,000
            // mentions in 10,000 notes, a b-tree insert each on the writer's thread.
            try db.execute(sql: """
                DROP TABLE section_concepts;
                CREATE TABLE concept_sections (
                    concept_id TEXT NOT NULL,
                    bucket INTEGER NOT NULL,
                    entry_count INTEGER NOT NULL,
                    entries BLOB NOT NULL,
                    PRIMARY KEY (concept_id, bucket)
                ) WITHOUT ROWID;
                DELETE FROM settings WHERE key = 'taxonomy';
                """)
        }
        migrator.registerMigration("v11: file stamps with status-change time and inode") { db in
            // `notes.modified` holds a file's change stamp (FileStamp.changeStamp), no longer its
            // modification time; and the index records its notes folder (`notes-root`). An
            // older index is rebuilt, saying so, rather than every note found changed.
            try db.execute(sql: "DELETE FROM settings WHERE key = 'notes-root'")
        }
        migrator.registerMigration("v12: bare URLs end before a Korean particle") { _ in
            // No table changes: an older index cites `https://example.com/에서` where the notes
            // cite `https://example.com/`, so it is rebuilt, saying so.
        }
        migrator.registerMigration("v13: HTML text and HTML links are indexed") { _ in
            // No table changes: an older index lacks the text of its notes' HTML blocks and the
            // links of their `<a href>` and `<img src>`, so it is rebuilt, saying so.
        }
        return migrator
    }

    /// The first migration's name: an unmarked file whose migrations table has it is netkb's.
    static let firstMigration = "v1: notes, sections, links, references, tags"
}
