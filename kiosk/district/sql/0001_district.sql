-- The city's server: what each school sends with `kitap sync`. Everything is kept
-- per school; a school's snapshot rows are replaced whole at each sync, its events
-- only ever added (the school's id and sequence number make a repeat a no-op).

CREATE TABLE school (
    id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name          text        NOT NULL DEFAULT '',
    last_sequence bigint      NOT NULL DEFAULT 0,   -- the newest event the district holds
    last_hash     text,                             -- that event's chain hash: which database sent it
    last_event_at timestamptz,                      -- when that event happened at the school
    last_sync     timestamptz,
    school_year   text,                             -- the school's current year at its last sync
    need_for_year text                              -- the year its `need` rows are for
);

-- The school's event log without names, cards, accounts or free text: a reader is a
-- pseudonym only the school can link to a person.
CREATE TABLE event (
    school     text    NOT NULL REFERENCES school (id),
    sequence   bigint  NOT NULL,
    at         timestamptz NOT NULL,
    station    text    NOT NULL,
    actor_role text    NOT NULL,
    action     text    NOT NULL,
    reader     text,
    isbn       text,
    copy_id    bigint,
    quantity   integer,
    PRIMARY KEY (school, sequence)
);
CREATE INDEX event_by_action_time ON event (action, at);

CREATE TABLE title (
    school   text    NOT NULL REFERENCES school (id),
    isbn     text    NOT NULL,
    title    text    NOT NULL,
    authors  text    NOT NULL,
    kind     text    NOT NULL,
    language text    NOT NULL,
    subject  text    NOT NULL,
    grade    integer,
    owned    integer NOT NULL,
    on_loan  integer NOT NULL,
    free     integer NOT NULL,
    PRIMARY KEY (school, isbn)
);

CREATE TABLE curriculum (
    school    text    NOT NULL REFERENCES school (id),
    grade     integer NOT NULL,
    language  text    NOT NULL,
    isbn      text    NOT NULL,
    per_pupil integer NOT NULL,
    PRIMARY KEY (school, grade, language, isbn)
);

CREATE TABLE class_size (
    school   text    NOT NULL REFERENCES school (id),
    grade    integer NOT NULL,
    language text    NOT NULL,
    classes  integer NOT NULL,
    pupils   integer NOT NULL,
    PRIMARY KEY (school, grade, language)
);

-- The school's provision report summed per grade, language and title.
CREATE TABLE provision (
    school   text    NOT NULL REFERENCES school (id),
    grade    integer NOT NULL,
    language text    NOT NULL,
    isbn     text    NOT NULL,
    title    text    NOT NULL,
    pupils   integer NOT NULL,
    needed   integer NOT NULL,
    issued   integer NOT NULL,
    PRIMARY KEY (school, grade, language, isbn)
);

-- The school's own order for school.need_for_year.
CREATE TABLE need (
    school   text    NOT NULL REFERENCES school (id),
    isbn     text    NOT NULL,
    title    text    NOT NULL,
    needed   integer NOT NULL,
    usable   integer NOT NULL,
    to_order integer NOT NULL,
    PRIMARY KEY (school, isbn)
);

-- The school's annual statistics, a row per figure under the annual report's key
-- (sums in tiyn), so that a new figure needs no new column.
CREATE TABLE annual_figure (
    school text   NOT NULL REFERENCES school (id),
    year   text   NOT NULL,
    key    text   NOT NULL,
    value  bigint NOT NULL,
    PRIMARY KEY (school, year, key)
);

CREATE TABLE annual_month (
    school text   NOT NULL REFERENCES school (id),
    year   text   NOT NULL,
    month  text   NOT NULL,
    loans  bigint NOT NULL,
    PRIMARY KEY (school, year, month)
);
