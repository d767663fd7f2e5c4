import type { Database } from 'better-sqlite3';
import { nikKey, parseNik } from '../core/ids/nik.js';
import { addMissingColumns, rebuildTable } from './rebuild.js';

/**
 * A migration: SQL, or a function for a change SQL cannot say the way kim's own code does. What
 * a function returns goes into the audit entry of the upgrade.
 */
export type Migration = string | ((db: Database) => Record<string, unknown>);

/**
 * Forward migrations, applied in order; PRAGMA user_version records how many have run.
 * Never edit a migration once released: add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  /* 1: the base schema */ `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
  ) WITHOUT ROWID;

  -- The office's own part of the Kemendagri reference (its regency, districts and villages),
  -- copied from idn-area-data when the regency is set, so reports need no file reading.
  CREATE TABLE regions (
    code        TEXT PRIMARY KEY,  -- 35.74, 35.74.01, 35.74.01.1001
    level       TEXT NOT NULL CHECK (level IN ('regency', 'district', 'village')),
    parent_code TEXT,
    name        TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX regions_parent ON regions (parent_code);

  CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,       -- ISO timestamp, UTC
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,       -- init, import, undo, config.set, number.assign, edit.officer, ...
    entity    TEXT,                -- community, officer, batch, setting, database
    entity_id INTEGER,
    details   TEXT                 -- JSON
  );
  CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

  CREATE TABLE batches (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    operator     TEXT NOT NULL,
    files        TEXT NOT NULL,    -- JSON [{path, name, sha256, bytes, encoding, delimiter, rows}]
    options      TEXT NOT NULL,    -- JSON
    counts       TEXT NOT NULL,    -- JSON {communities:{…}, officers:{…}, rejected}
    last_change  INTEGER NOT NULL DEFAULT 0, -- changes.id high-water mark at commit
    undone_at    TEXT,
    undone_by    TEXT
  );

  CREATE TABLE communities (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,   -- normalised name: identity with village_key
    village_key   TEXT NOT NULL,   -- village code when resolved, else "?district|village" as written
    regency_text  TEXT,
    district_text TEXT,
    village_text  TEXT,
    district_code TEXT,
    village_code  TEXT,
    address       TEXT,
    sk_number     TEXT,
    sk_date       TEXT,            -- as written
    sk_date_iso   TEXT,            -- YYYY-MM-DD when understood
    sk_issuer     TEXT,
    acknowledged  TEXT,            -- as written
    founded_date  TEXT,
    founded_date_iso TEXT,
    number        TEXT UNIQUE,     -- the current Nomor Induk Komunitas
    ended_at      TEXT,            -- YYYY-MM-DD: dissolved or inactive from that day
    end_reason    TEXT,
    compliant     INTEGER,         -- latest validation: 1, 0, or NULL when never validated
    validated_at  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    created_batch INTEGER REFERENCES batches (id),
    last_batch    INTEGER REFERENCES batches (id),
    UNIQUE (village_key, name_key)
  );
  CREATE INDEX communities_district ON communities (district_code);
  CREATE INDEX communities_created_batch ON communities (created_batch);

  CREATE TABLE officers (
    id             INTEGER PRIMARY KEY,
    community_id   INTEGER NOT NULL REFERENCES communities (id),
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    nik            TEXT,           -- as written, leading zeros kept
    nik_key        TEXT,           -- the digits when the NIK is all digits, for identity
    role           TEXT,
    birth_place    TEXT,
    birth_date     TEXT,
    birth_date_iso TEXT,
    gender         TEXT,           -- as written
    sex            TEXT CHECK (sex IN ('M', 'F')),
    occupation     TEXT,
    nip            TEXT,
    party          TEXT,
    ngo            TEXT,
    phone          TEXT,
    address        TEXT,
    ended_at       TEXT,
    end_reason     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    created_batch  INTEGER,        -- the batch that created it (undo removes these)
    last_batch     INTEGER         -- the last batch that changed it
  );
  -- Few indexes on purpose: every one is paid on each of a million inserts. The import reads a
  -- community's officers together (community_id); ADM-DUP-NIK groups by nik_key. NIK uniqueness
  -- within a community is the import's rule (a conflicting row is rejected), not a constraint.
  CREATE INDEX officers_community ON officers (community_id);
  CREATE INDEX officers_nik ON officers (nik_key) WHERE nik_key IS NOT NULL;

  -- Before-images of every update, so undo can restore exactly and can tell whether a later
  -- batch or edit touched the same record. Creations need no row: created_batch says it.
  CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER REFERENCES batches (id),
    audit_id  INTEGER REFERENCES audit_log (id),
    entity    TEXT NOT NULL CHECK (entity IN ('community', 'officer')),
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,       -- update, end
    before    TEXT NOT NULL        -- JSON of the columns as they were
  );
  CREATE INDEX changes_entity ON changes (entity, entity_id);
  CREATE INDEX changes_batch ON changes (batch_id);

  -- The latest validation result of each community.
  CREATE TABLE findings (
    id           INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    officer_id   INTEGER REFERENCES officers (id) ON DELETE CASCADE,
    rule         TEXT NOT NULL,
    severity     TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    category     TEXT NOT NULL,
    field        TEXT,
    value        TEXT,
    params       TEXT              -- JSON, to render the message in either language
  );
  CREATE INDEX findings_community ON findings (community_id);

  -- Every number ever given, imported or withdrawn: a number here is never given again.
  CREATE TABLE numbers (
    number       TEXT PRIMARY KEY,
    community_id INTEGER REFERENCES communities (id),
    source       TEXT NOT NULL CHECK (source IN ('assigned', 'imported')),
    batch_id     INTEGER REFERENCES batches (id),
    assigned_at  TEXT NOT NULL,
    operator     TEXT NOT NULL,
    revoked_at   TEXT,
    revoked_by   TEXT,
    reason       TEXT
  ) WITHOUT ROWID;
  CREATE INDEX numbers_community ON numbers (community_id);

  -- The last sequence used per scope (the template's other tokens filled in).
  CREATE TABLE number_sequences (
    scope TEXT PRIMARY KEY,
    last  INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  /* 2: NIKs grouped with dots or dashes (3574.0411.1273.0101) get the key of their digits, as
     nikKey now reads them; earlier versions stored none, so such an officer was not found again
     by its NIK and never seen as a duplicate. Only a key that was missing can differ. */
  (db) => {
    const fill = db.prepare(`UPDATE officers SET nik_key = ? WHERE id = ?`);
    let filled = 0;
    for (const { id, nik } of db.prepare(`SELECT id, nik FROM officers WHERE nik IS NOT NULL AND nik_key IS NULL`).all() as { id: number; nik: string }[]) {
      const key = nikKey(nik);
      if (key !== null) filled += fill.run(key, id).changes;
    }
    return { nikKeysFilled: filled };
  },
  /* 3: what real village forms carry (employment status, free notes), what a KIM's rosters never
     had a column for (so that findings name the cause), how surely its village was recognised;
     and the sex of officers whose rosters had no L/P column, read from their NIK. */
  (db) => {
    const columns = [
      ['officers', 'employment_status', 'TEXT'], // status kepegawaian, as written
      ['officers', 'notes', 'TEXT'], // keterangan/catatan, as written
      // What no roster of the KIM had a column for, of what the rules need: 'role,party'.
      ['communities', 'blind', 'TEXT'],
      // JSON, when the village or district was matched by its closest spelling or not for
      // certain: {"village": {"written": …, "how": "near"|"ambiguous", "candidates": […]}}
      ['communities', 'region_note', 'TEXT'],
    ] as const;
    addMissingColumns(db, columns);
    const fill = db.prepare(`UPDATE officers SET sex = ? WHERE id = ?`);
    let filled = 0;
    for (const { id, nik } of db.prepare(`SELECT id, nik FROM officers WHERE gender IS NULL AND sex IS NULL AND nik IS NOT NULL`).all() as { id: number; nik: string }[]) {
      const r = parseNik(nik);
      if (r.ok) filled += fill.run(r.nik.sex, id).changes;
    }
    return { sexFromNik: filled };
  },
  /* 4: three-way import. `base` holds, for the fields the office changed after an import
     (kim edit, kim end, the desk), the value that import wrote: the next import compares the
     file with it, so an edit is neither undone nor mistaken for the file's news. NULL for nearly
     every row. A change record keeps only the fields that changed, before and after. */
  (db) => {
    addMissingColumns(db, [
      ['officers', 'base', 'TEXT'], // JSON {column: value the last import wrote}
      ['communities', 'base', 'TEXT'], // likewise
      ['changes', 'after', 'TEXT'], // JSON of the changed columns after the change
    ]);
    // An import finds a KIM the office moved to another village by the place it had.
    db.exec(`CREATE INDEX IF NOT EXISTS communities_base_place ON communities (json_extract(base, '$.village_key'), name_key) WHERE base IS NOT NULL`);
    return {};
  },
  /* 5: a provincial database holds copies of its offices' KIMs (kim merge). Every merged
     community and officer carries its office (the regency code) and its id in the office's file;
     a merge is a batch of kind 'merge' whose before-images (merge_history) let undo put back what
     it replaced. Two offices may each hold a KIM of one name in one village, or give one number,
     so these stay unique among a database's own KIMs only: the table is rebuilt without its two
     UNIQUE constraints, which come back as indexes that leave merged KIMs to their offices (each
     merged KIM is its own by its office's id, so a merge may replace KIMs in any order). */
  (db) => {
    // As in 3, a file stamped with an older version may have all of this already.
    addMissingColumns(db, [
      ['communities', 'office', 'TEXT'], // the regency code of the office it was merged from
      ['communities', 'source_id', 'INTEGER'], // its id in that office's file
      ['officers', 'office', 'TEXT'],
      ['officers', 'source_id', 'INTEGER'],
      ['batches', 'kind', "TEXT NOT NULL DEFAULT 'import'"], // import, merge
    ]);
    rebuildTable(db, 'communities', (sql) =>
      sql.replace(/\bnumber(\s+)TEXT UNIQUE\b/, 'number$1TEXT').replace(/,\s*UNIQUE \(village_key, name_key\)/, ''),
    );
    db.exec(`
      CREATE UNIQUE INDEX IF NOT EXISTS communities_identity ON communities (village_key, name_key, coalesce(office, ''), coalesce(source_id, 0));
      CREATE UNIQUE INDEX IF NOT EXISTS communities_number ON communities (number, coalesce(office, ''), coalesce(source_id, 0));
      CREATE UNIQUE INDEX IF NOT EXISTS communities_source ON communities (office, source_id) WHERE office IS NOT NULL;
      CREATE UNIQUE INDEX IF NOT EXISTS officers_source ON officers (office, source_id) WHERE office IS NOT NULL;
      -- What a merge replaced or removed, whole rows as JSON, to put back on undo.
      CREATE TABLE IF NOT EXISTS merge_history (
        batch_id INTEGER NOT NULL REFERENCES batches (id),
        entity   TEXT NOT NULL CHECK (entity IN ('community', 'officer', 'finding')),
        row      TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS merge_history_batch ON merge_history (batch_id);`);
    return {};
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
