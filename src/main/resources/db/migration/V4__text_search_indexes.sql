-- The directory's text filter ("q") matches any part of a partner's Chinese or English name. A b-tree
-- cannot serve "contains", so at a million partners every search read the whole table.
--
-- Chinese names are mostly two to four characters, and a search is often one or two: too short for
-- pg_trgm, which needs three. So every character and every two-character piece of both names goes into
-- one GIN index instead. A search of one character looks up that character; a longer one requires every
-- one of its two-character pieces, which any name containing it has; ILIKE then checks the order.
-- Plain SQL, no extension to install.

create function name_pieces(name text) returns text[]
    language plpgsql immutable strict parallel safe
    as $$
declare
    folded text := lower(name);
    pieces text[] := '{}';
begin
    for i in 1 .. length(folded) loop
        pieces := pieces || substr(folded, i, 1);
        if i < length(folded) then
            pieces := pieces || substr(folded, i, 2);
        end if;
    end loop;
    return pieces;
end
$$;

create function partner_name_pieces(name_zh text, name_en text) returns text[]
    language sql immutable strict parallel safe
    -- Costly enough that the planner reads the index rather than computing this for every partner.
    cost 1000
    return name_pieces(name_zh) || name_pieces(name_en);

-- The pieces a name must have to contain the search.
create function search_pieces(term text) returns text[]
    language sql immutable strict parallel safe
    return case when length(term) = 1 then array[lower(term)]
                else array(select substr(lower(term), i, 2) from generate_series(1, length(term) - 1) as i)
           end;

create index partner_name_pieces on partner using gin (partner_name_pieces(name_zh, name_en));

-- Countries are few: a search that names a country becomes a lookup of its partners by this index.
create index partner_country on partner (country_iso2);
