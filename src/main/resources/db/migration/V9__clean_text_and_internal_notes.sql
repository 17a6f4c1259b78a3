-- Two rules the database now keeps itself, whatever path writes a row (the application, an import, a person
-- with psql):
--
-- 1. One text rule (cn.gz.youcheng.base.Text): Unicode NFC, no whitespace at either end, no control characters
--    (C0, DEL, C1, the line and paragraph separators, bidirectional overrides and isolates, and the invisible
--    zero-width space, word joiner and byte order mark, which make two names that look the same differ), line breaks only
--    in reasons and internal notes, and names never empty. Existing rows are repaired first: control
--    characters become spaces (line breaks kept where they are allowed), ends are trimmed, text is
--    normalised. What was repaired is reported in the migration's log.
--
-- 2. What is published and what stays in the office: an agreement's notes were shown on the public partner
--    page. They become its internal note, and a status change gets one too; place signed, source and the
--    reason of a status change are what the public sees. Renamed in the audit tables as well, so the
--    history of a note stays with it.

alter table agreement rename column notes to internal_note;
alter table agreement_aud rename column notes to internal_note;
alter table agreement_status_change add column internal_note text;
alter table agreement_status_change_aud add column internal_note text;

-- The rule, once, as functions the constraints below and any later migration use.
create function text_is_clean(value text, paragraphs boolean) returns boolean language sql immutable as $$
    select value is null or (value <> '' and value is nfc normalized and value = btrim(value, E' \t\n\r')
        and value !~ case when paragraphs then '[\x01-\x09\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]'
                          else '[\x01-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]' end)
$$;

-- What the repair makes of a text: control characters become spaces (line breaks are kept in paragraphs),
-- ends are trimmed, the text is normalised; an empty text becomes null.
create function text_cleaned(value text, paragraphs boolean) returns text language sql immutable as $$
    select nullif(normalize(btrim(regexp_replace(replace(value, E'\r\n', E'\n'),
        case when paragraphs then '[\x01-\x09\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]+'
             else '[\x01-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]+' end, ' ', 'g'), E' \t\n\r'), nfc), '')
$$;

-- Before anything is repaired: a row the repair would leave empty, too long or the same as another partner
-- stops the migration, naming the rows, so that a person decides (nothing is changed until then).
do $$
declare
    offenders text;
begin
    select string_agg(id::text, ', ' order by id) into offenders from partner
    where text_cleaned(name_zh, false) is null or text_cleaned(name_en, false) is null
       or char_length(text_cleaned(name_zh, false)) > 100 or char_length(text_cleaned(name_en, false)) > 200
       or char_length(text_cleaned(coordinate_source, false)) > 500;
    if offenders is not null then
        raise exception 'V9: the names of partners % would be empty or too long once control characters are '
            'removed; correct them by hand, then start the application again.', offenders;
    end if;
    select string_agg(ids, '; ') into offenders from (
        select string_agg(id::text, ', ' order by id) as ids from partner
        group by text_cleaned(name_zh, false), country_iso2 having count(*) > 1) twins;
    if offenders is not null then
        raise exception 'V9: partners % would have the same Chinese name in the same country once their names '
            'are cleaned; merge or rename them by hand, then start the application again.', offenders;
    end if;
    select string_agg(id::text, ', ' order by id) into offenders from agreement
    where char_length(text_cleaned(place_signed, false)) > 200 or char_length(text_cleaned(source, false)) > 500;
    if offenders is not null then
        raise exception 'V9: the place or source of agreements % would be too long once cleaned; shorten them by '
            'hand, then start the application again.', offenders;
    end if;
    select string_agg(id::text, ', ' order by id) into offenders from agreement_status_change
    where char_length(text_cleaned(reason, true)) > 500;
    if offenders is not null then
        raise exception 'V9: the reasons of status changes % would be too long once cleaned; shorten them by hand, '
            'then start the application again.', offenders;
    end if;
end
$$;

-- The repair. It is not an officer's change, so it makes no audit revision; this migration's log says what
-- it repaired.
do $$
declare
    repaired integer;
begin
    update partner set name_zh = text_cleaned(name_zh, false), name_en = text_cleaned(name_en, false),
                       coordinate_source = text_cleaned(coordinate_source, false)
    where not (text_is_clean(name_zh, false) and text_is_clean(name_en, false)
               and text_is_clean(coordinate_source, false));
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % partners', repaired;
    end if;

    update agreement set place_signed = text_cleaned(place_signed, false), source = text_cleaned(source, false),
                         internal_note = text_cleaned(internal_note, true)
    where not (text_is_clean(place_signed, false) and text_is_clean(source, false)
               and text_is_clean(internal_note, true));
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % agreements', repaired;
    end if;

    update agreement_status_change set reason = text_cleaned(reason, true)
    where not text_is_clean(reason, true);
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % status changes', repaired;
    end if;
end
$$;

alter table partner
    add constraint partner_name_zh_clean check (text_is_clean(name_zh, false)),
    add constraint partner_name_en_clean check (text_is_clean(name_en, false)),
    add constraint partner_coordinate_source_clean check (text_is_clean(coordinate_source, false));

alter table agreement
    add constraint agreement_place_signed_clean check (text_is_clean(place_signed, false)),
    add constraint agreement_source_clean check (text_is_clean(source, false)),
    add constraint agreement_internal_note_clean check (text_is_clean(internal_note, true)
        and char_length(internal_note) <= 2000);

alter table agreement_status_change
    add constraint status_change_reason_clean check (text_is_clean(reason, true)),
    add constraint status_change_internal_note_clean check (text_is_clean(internal_note, true)
        and char_length(internal_note) <= 2000);
