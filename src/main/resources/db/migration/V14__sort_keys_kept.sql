-- Today's official lists sorted by any one column, read a page at a time from an index (decision record
-- 0016). A sort joined a million standings to their partners and countries and ordered them all before
-- the first page (seconds); now each active standing carries the values the directory sorts by, and each
-- sort has an index in its order, ties broken in the lists' official order (list, signing date, partner).
--
-- The copies follow their sources: refresh_partner_standing writes them with the standing, and triggers on
-- partner and country rewrite them when a name, a country, a level or a continent changes.

alter table partner_standing
    add column name_zh      varchar(100),
    add column name_en_key  varchar(200),  -- lower(name_en): English names sort without regard to case
    add column country_iso2 varchar(2),
    add column country_zh   varchar(64),
    add column country_en_key varchar(128), -- lower(country's name_en)
    add column continent    varchar(16),
    add column admin_level  varchar(16);

update partner_standing s
set name_zh = p.name_zh, name_en_key = lower(p.name_en), country_iso2 = c.iso2, country_zh = c.name_zh,
    country_en_key = lower(c.name_en), continent = c.continent, admin_level = p.admin_level
from partner p
join country c on c.iso2 = p.country_iso2
where p.id = s.partner_id;

alter table partner_standing
    alter column name_zh set not null,
    alter column name_en_key set not null,
    alter column country_iso2 set not null,
    alter column country_zh set not null,
    alter column country_en_key set not null,
    alter column continent set not null,
    alter column admin_level set not null;

create or replace function refresh_partner_standing(partners bigint[]) returns void language sql as $$
    delete from partner_standing where partner_id = any (partners);
    insert into partner_standing (partner_id, kind, list_rank, signed_on, status, name_zh, name_en_key,
                                  country_iso2, country_zh, country_en_key, continent, admin_level)
    select distinct on (a.partner_id) a.partner_id, a.kind, list_rank(a.kind), a.signed_on, a.status,
           p.name_zh, lower(p.name_en), c.iso2, c.name_zh, lower(c.name_en), c.continent, p.admin_level
    from agreement a
    join partner p on p.id = a.partner_id
    join country c on c.iso2 = p.country_iso2
    where a.partner_id = any (partners)
    order by a.partner_id, standing_preference(a.status, a.kind), a.signed_on desc, a.id desc;
$$;

create function partner_sort_keys_changed() returns trigger language plpgsql as $$
begin
    update partner_standing s
    set name_zh = n.name_zh, name_en_key = lower(n.name_en), country_iso2 = c.iso2, country_zh = c.name_zh,
        country_en_key = lower(c.name_en), continent = c.continent, admin_level = n.admin_level
    from new_rows n
    join old_rows o on o.id = n.id
    join country c on c.iso2 = n.country_iso2
    where s.partner_id = n.id
      and (n.name_zh, n.name_en, n.country_iso2, n.admin_level)
          is distinct from (o.name_zh, o.name_en, o.country_iso2, o.admin_level);
    return null;
end;
$$;

create trigger partner_sort_keys after update on partner
    referencing old table as old_rows new table as new_rows
    for each statement execute function partner_sort_keys_changed();

create function country_sort_keys_changed() returns trigger language plpgsql as $$
begin
    update partner_standing s
    set country_zh = n.name_zh, country_en_key = lower(n.name_en), continent = n.continent
    from new_rows n
    join old_rows o on o.iso2 = n.iso2
    where s.country_iso2 = n.iso2
      and (n.name_zh, n.name_en, n.continent) is distinct from (o.name_zh, o.name_en, o.continent);
    return null;
end;
$$;

create trigger country_sort_keys after update on country
    referencing old table as old_rows new table as new_rows
    for each statement execute function country_sort_keys_changed();

-- One index per column and direction, only of active standings (the official lists): the page at any
-- offset is an index-only range, read from whichever end is nearer. A descending sort has its own index,
-- since its ties still go in the lists' ascending official order. The official order itself, and sorts by
-- list, 序, status or signing date, page by the day counts (V12) and need none of these.
create index standing_by_name_zh on partner_standing (name_zh, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_name_zh_desc on partner_standing (name_zh desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_name_en on partner_standing (name_en_key, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_name_en_desc on partner_standing (name_en_key desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_country_zh on partner_standing (country_zh, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_country_zh_desc on partner_standing (country_zh desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_country_en on partner_standing (country_en_key, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_country_en_desc on partner_standing (country_en_key desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_continent on partner_standing (continent, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_continent_desc on partner_standing (continent desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_admin_level on partner_standing (admin_level, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';
create index standing_by_admin_level_desc on partner_standing (admin_level desc, list_rank, signed_on, partner_id)
    where status = 'ACTIVE';

-- Today's standings of some countries, in the official order within each status: a filter by country reads
-- its own range instead of every standing joined to its partner.
create index standing_by_country on partner_standing (country_iso2, status, list_rank, signed_on, partner_id);
