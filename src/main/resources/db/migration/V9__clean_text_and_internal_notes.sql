-- Two rules the database now keeps itself, whatever path writes a row (the application, an import, a person
-- with psql):
--
-- 1. One text rule (cn.gz.youcheng.base.Text): Unicode NFC, no whitespace at either end, no control characters
--    (C0, DEL, C1, the line and paragraph separators, bidirectional overrides and isolates), line breaks only
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

do $$
declare
    single_line constant text := '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+';
    paragraphs constant text := '[\x01-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+';
    repaired integer;
begin
    update partner set
        name_zh = normalize(btrim(regexp_replace(name_zh, single_line, ' ', 'g'), E' \t\n\r'), nfc),
        name_en = normalize(btrim(regexp_replace(name_en, single_line, ' ', 'g'), E' \t\n\r'), nfc),
        coordinate_source = normalize(btrim(regexp_replace(coordinate_source, single_line, ' ', 'g'), E' \t\n\r'), nfc)
    where name_zh ~ single_line or name_en ~ single_line or coordinate_source ~ single_line
       or name_zh is not nfc normalized or name_en is not nfc normalized or coordinate_source is not nfc normalized
       or name_zh <> btrim(name_zh, E' \t\n\r') or name_en <> btrim(name_en, E' \t\n\r')
       or coordinate_source <> btrim(coordinate_source, E' \t\n\r');
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % partners', repaired;
    end if;

    update agreement set
        place_signed = nullif(normalize(btrim(regexp_replace(place_signed, single_line, ' ', 'g'), E' \t\n\r'), nfc), ''),
        source = nullif(normalize(btrim(regexp_replace(source, single_line, ' ', 'g'), E' \t\n\r'), nfc), ''),
        internal_note = nullif(normalize(btrim(regexp_replace(replace(internal_note, E'\r\n', E'\n'), paragraphs, ' ', 'g'),
            E' \t\n\r'), nfc), '')
    where place_signed ~ single_line or source ~ single_line or internal_note ~ paragraphs
       or place_signed is not nfc normalized or source is not nfc normalized or internal_note is not nfc normalized
       or place_signed <> btrim(place_signed, E' \t\n\r') or source <> btrim(source, E' \t\n\r')
       or internal_note <> btrim(internal_note, E' \t\n\r') or place_signed = '' or source = '' or internal_note = '';
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % agreements', repaired;
    end if;

    update agreement_status_change set
        reason = nullif(normalize(btrim(regexp_replace(replace(reason, E'\r\n', E'\n'), paragraphs, ' ', 'g'),
            E' \t\n\r'), nfc), '')
    where reason ~ paragraphs or reason is not nfc normalized or reason <> btrim(reason, E' \t\n\r') or reason = '';
    get diagnostics repaired = row_count;
    if repaired > 0 then
        raise notice 'V9: repaired the text of % status changes', repaired;
    end if;
end
$$;

alter table partner
    add constraint partner_name_zh_clean check (name_zh <> '' and name_zh is nfc normalized
        and name_zh = btrim(name_zh, E' \t\n\r')
        and name_zh !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    add constraint partner_name_en_clean check (name_en <> '' and name_en is nfc normalized
        and name_en = btrim(name_en, E' \t\n\r')
        and name_en !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    add constraint partner_coordinate_source_clean check (coordinate_source is nfc normalized
        and coordinate_source = btrim(coordinate_source, E' \t\n\r')
        and coordinate_source !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

alter table agreement
    add constraint agreement_place_signed_clean check (place_signed <> '' and place_signed is nfc normalized
        and place_signed = btrim(place_signed, E' \t\n\r')
        and place_signed !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    add constraint agreement_source_clean check (source <> '' and source is nfc normalized
        and source = btrim(source, E' \t\n\r')
        and source !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    add constraint agreement_internal_note_clean check (internal_note <> '' and internal_note is nfc normalized
        and internal_note = btrim(internal_note, E' \t\n\r') and char_length(internal_note) <= 2000
        and internal_note !~ '[\x01-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

alter table agreement_status_change
    add constraint status_change_reason_clean check (reason <> '' and reason is nfc normalized
        and reason = btrim(reason, E' \t\n\r')
        and reason !~ '[\x01-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    add constraint status_change_internal_note_clean check (internal_note <> '' and internal_note is nfc normalized
        and internal_note = btrim(internal_note, E' \t\n\r') and char_length(internal_note) <= 2000
        and internal_note !~ '[\x01-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');
