-- Identifiers that let others link a partner without matching names: its place in GeoNames (the source of
-- the coordinates) and its Wikidata item. Both optional; the database keeps their shape whatever path writes
-- them. A Wikidata item is one place, so no two partners share one; a GeoNames id may be shared (a county
-- located by its seat's entry, say), so it is not unique.
alter table partner
    add column geonames_id  bigint check (geonames_id > 0),
    add column wikidata_qid varchar(20) check (wikidata_qid ~ '^Q[1-9][0-9]*$');
create unique index partner_wikidata_qid on partner (wikidata_qid) where wikidata_qid is not null;

alter table partner_aud
    add column geonames_id  bigint,
    add column wikidata_qid varchar(20);
