-- Each school syncs as a PostgreSQL role of its own, named after its `[school] id`
-- and a member of kitap_school. Row-level security lets such a role see and change
-- its own school's rows only: the password on one school's kiosk PC opens no other
-- school's events, and cannot write figures under another school's name. The city's
-- methodologists read every school's rows as members of kitap_district_reader. The
-- owner of the tables (who ran `kitap district init`) is bound by neither.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitap_school') THEN
        CREATE ROLE kitap_school NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kitap_district_reader') THEN
        CREATE ROLE kitap_district_reader NOLOGIN;
    END IF;
END
$$;

GRANT SELECT ON kitap_schema TO kitap_school, kitap_district_reader;
GRANT SELECT ON school, event, title, curriculum, class_size, provision, need, annual_figure, annual_month
    TO kitap_school, kitap_district_reader;
-- A sync adds its school's row and events, updates the row, and replaces its snapshots.
GRANT INSERT, UPDATE ON school TO kitap_school;
GRANT INSERT ON event TO kitap_school;
GRANT INSERT, DELETE ON title, curriculum, class_size, provision, need, annual_figure, annual_month TO kitap_school;

ALTER TABLE school ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_school ON school TO kitap_school USING (id = current_user) WITH CHECK (id = current_user);
CREATE POLICY every_school ON school FOR SELECT TO kitap_district_reader USING (true);

DO $$
DECLARE
    school_table text;
BEGIN
    FOREACH school_table IN ARRAY ARRAY['event', 'title', 'curriculum', 'class_size', 'provision', 'need',
                                        'annual_figure', 'annual_month'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', school_table);
        EXECUTE format('CREATE POLICY own_school ON %I TO kitap_school '
                       'USING (school = current_user) WITH CHECK (school = current_user)', school_table);
        EXECUTE format('CREATE POLICY every_school ON %I FOR SELECT TO kitap_district_reader USING (true)',
                       school_table);
    END LOOP;
END
$$;
