-- What a MARC record says about a title beyond the CSV catalogue's columns
-- (core/import/catalog_records, `kitap import marc` / `export marc`): the statement
-- of responsibility as printed, the series, the edition statement and the extent
-- ("352 с."), each kept as the record gives it so an export gives it back.
ALTER TABLE title ADD COLUMN responsibility TEXT NOT NULL DEFAULT '';
ALTER TABLE title ADD COLUMN series TEXT NOT NULL DEFAULT '';
ALTER TABLE title ADD COLUMN edition TEXT NOT NULL DEFAULT '';
ALTER TABLE title ADD COLUMN pages TEXT NOT NULL DEFAULT '';
