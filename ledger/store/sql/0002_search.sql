-- Schema 2: full-text search for the registers. Trigram FTS5 finds Chinese text of three or
-- more characters anywhere in a name; shorter queries use LIKE on the base table
-- (ledger/store/search.py decides). External-content tables cost no duplicated text.

CREATE VIRTUAL TABLE enterprise_fts USING fts5(
    name, uscc, content='enterprise', content_rowid='id', tokenize='trigram');
CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise BEGIN
    INSERT INTO enterprise_fts (rowid, name, uscc) VALUES (new.id, new.name, new.uscc);
END;
CREATE TRIGGER enterprise_fts_ad AFTER DELETE ON enterprise BEGIN
    INSERT INTO enterprise_fts (enterprise_fts, rowid, name, uscc) VALUES ('delete', old.id, old.name, old.uscc);
END;
CREATE TRIGGER enterprise_fts_au AFTER UPDATE OF name, uscc ON enterprise BEGIN
    INSERT INTO enterprise_fts (enterprise_fts, rowid, name, uscc) VALUES ('delete', old.id, old.name, old.uscc);
    INSERT INTO enterprise_fts (rowid, name, uscc) VALUES (new.id, new.name, new.uscc);
END;

CREATE VIRTUAL TABLE ip_right_fts USING fts5(
    number, title, owner_name, content='ip_right', content_rowid='id', tokenize='trigram');
CREATE TRIGGER ip_right_fts_ai AFTER INSERT ON ip_right BEGIN
    INSERT INTO ip_right_fts (rowid, number, title, owner_name) VALUES (new.id, new.number, new.title, new.owner_name);
END;
CREATE TRIGGER ip_right_fts_ad AFTER DELETE ON ip_right BEGIN
    INSERT INTO ip_right_fts (ip_right_fts, rowid, number, title, owner_name)
        VALUES ('delete', old.id, old.number, old.title, old.owner_name);
END;
CREATE TRIGGER ip_right_fts_au AFTER UPDATE OF number, title, owner_name ON ip_right BEGIN
    INSERT INTO ip_right_fts (ip_right_fts, rowid, number, title, owner_name)
        VALUES ('delete', old.id, old.number, old.title, old.owner_name);
    INSERT INTO ip_right_fts (rowid, number, title, owner_name) VALUES (new.id, new.number, new.title, new.owner_name);
END;

INSERT INTO enterprise_fts (enterprise_fts) VALUES ('rebuild');
INSERT INTO ip_right_fts (ip_right_fts) VALUES ('rebuild');
