-- The directory's text filter ("q") matches any part of a name, in Chinese or Latin script. A plain
-- index cannot serve "contains", so at a million partners every search read the whole table.
--
-- Latin names: pg_trgm's GIN index serves ILIKE '%...%' for searches of three characters or more.
-- It is a trusted extension (PostgreSQL 13+), so the application's own role may create it; where it is
-- not installed or not allowed, searching still works, only by scanning.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege or undefined_file or feature_not_supported then
    raise warning 'pg_trgm is not available (%); text search will scan the partner table', sqlerrm;
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index partner_name_en_trgm on partner using gin (name_en gin_trgm_ops)';
    end if;
end
$$;

-- Chinese names: most are two or three characters, and a search is usually two, which gives pg_trgm
-- no trigram to look up. Every two-character piece of the name goes into a GIN index instead; a search
-- of two characters or more must contain all of its pieces, and ILIKE then checks the order.
create function name_bigrams(name text) returns text[]
    language sql immutable strict parallel safe
    return array(select distinct substr(lower(name), i, 2) from generate_series(1, length(name) - 1) as i);

create index partner_name_zh_bigrams on partner using gin (name_bigrams(name_zh));

-- Countries are few; a search that names a country becomes a lookup of its partners by this index.
create index partner_country on partner (country_iso2);
