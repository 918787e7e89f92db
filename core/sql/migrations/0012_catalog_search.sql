-- The catalogue's full-text index (core/reports/catalog_search: `kitap catalog search`,
-- GET /api/catalog, the kiosk's "Find a book"): each title's words, ranked by where
-- they occur. FTS5's unicode61 ignores case in Kazakh, Russian and English alike. The
-- *_ru columns hold the same words with the Kazakh letters written as the Russian ones
-- a pupil types on a Russian keyboard (Ә as А, Қ as К, І as И, ...), searched only when
-- the query has no Kazakh letter: "ауезов" finds Әуезов, "әуезов" does not find Ауэзов.
CREATE VIRTUAL TABLE title_search USING fts5(
    title, authors, subjects, isbn, title_ru, authors_ru, subjects_ru,
    tokenize = 'unicode61'
);

-- A title's row of the index.
CREATE VIEW title_search_row AS
SELECT id, title, authors, subjects, isbn,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'Ә', 'А'), 'ә', 'а'), 'Ғ', 'Г'), 'ғ', 'г'), 'Қ', 'К'), 'қ', 'к'), 'Ң', 'Н'), 'ң', 'н'), 'Ө', 'О'), 'ө', 'о'), 'Ұ', 'У'), 'ұ', 'у'), 'Ү', 'У'), 'ү', 'у'), 'Һ', 'Х'), 'һ', 'х'), 'І', 'И'), 'і', 'и') AS title_ru,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(authors, 'Ә', 'А'), 'ә', 'а'), 'Ғ', 'Г'), 'ғ', 'г'), 'Қ', 'К'), 'қ', 'к'), 'Ң', 'Н'), 'ң', 'н'), 'Ө', 'О'), 'ө', 'о'), 'Ұ', 'У'), 'ұ', 'у'), 'Ү', 'У'), 'ү', 'у'), 'Һ', 'Х'), 'һ', 'х'), 'І', 'И'), 'і', 'и') AS authors_ru,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(subjects, 'Ә', 'А'), 'ә', 'а'), 'Ғ', 'Г'), 'ғ', 'г'), 'Қ', 'К'), 'қ', 'к'), 'Ң', 'Н'), 'ң', 'н'), 'Ө', 'О'), 'ө', 'о'), 'Ұ', 'У'), 'ұ', 'у'), 'Ү', 'У'), 'ү', 'у'), 'Һ', 'Х'), 'һ', 'х'), 'І', 'И'), 'і', 'и') AS subjects_ru
FROM (SELECT id, title, authors, subject || ' ' || series AS subjects, coalesce(isbn, '') AS isbn FROM title);

-- Titles written since the index last took them in. Every connection distrusts the
-- schema (SQLITE_DBCONFIG_TRUSTED_SCHEMA off), so a trigger may not write FTS5's
-- table; triggers note the title here instead, in plain SQL that holds for every
-- program writing titles, and the search takes the noted ones in before it looks.
CREATE TABLE title_search_stale (title_id INTEGER PRIMARY KEY);

CREATE TRIGGER title_search_after_insert AFTER INSERT ON title BEGIN
    INSERT OR IGNORE INTO title_search_stale (title_id) VALUES (new.id);
END;

CREATE TRIGGER title_search_after_update AFTER UPDATE OF title, authors, subject, series, isbn ON title BEGIN
    INSERT OR IGNORE INTO title_search_stale (title_id) VALUES (old.id), (new.id);
END;

CREATE TRIGGER title_search_after_delete AFTER DELETE ON title BEGIN
    INSERT OR IGNORE INTO title_search_stale (title_id) VALUES (old.id);
END;

INSERT INTO title_search (rowid, title, authors, subjects, isbn, title_ru, authors_ru, subjects_ru) SELECT * FROM title_search_row;
