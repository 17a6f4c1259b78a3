-- How many partners each official list had at every year's end, per signing month, kept (decision record
-- 0018): the lists on an earlier date are numbered from these counts and the periods (V15) that started or
-- ended between the nearest year end and the date, as today's lists are from their day counts (V12), so
-- that a page of any date is read without ordering every standing of that date.

-- The year ends that have counts. Which ones is a matter of speed only: a date is counted from the nearest
-- one, or from nothing (every period up to the date) when there is none. keep_standing_year_ends adds the
-- years that have ended.
create table standing_year_end (
    year_end date primary key
);

-- The active standings of a list at a year end whose agreement was signed in a month (its first day).
create table standing_month_count (
    year_end     date     not null references standing_year_end on delete cascade,
    list_rank    smallint not null,
    signed_month date     not null,
    active       integer  not null,
    primary key (year_end, list_rank, signed_month)
);

-- The periods that started, and that ended, between a year end and a date: a few weeks' or months' changes.
create index standing_period_starts on standing_period (valid_from) include (list_rank, signed_on)
    where status = 'ACTIVE';
create index standing_period_ends on standing_period (valid_until) include (list_rank, signed_on)
    where status = 'ACTIVE' and valid_until <> 'infinity';

-- What the active periods of the given partners (null: of everyone) count at each kept year end, added
-- (sign 1) or taken away (sign -1).
create function count_standing_at_year_ends(partners bigint[], sign integer) returns void language sql as $$
    insert into standing_month_count (year_end, list_rank, signed_month, active)
    select y.year_end, p.list_rank, date_trunc('month', p.signed_on::timestamp)::date, sign * count(*)
    from standing_period p
    join standing_year_end y on p.valid_from <= y.year_end and y.year_end < p.valid_until
    where p.status = 'ACTIVE' and (partners is null or p.partner_id = any (partners))
    group by 1, 2, 3
    on conflict (year_end, list_rank, signed_month)
        do update set active = standing_month_count.active + excluded.active;
$$;

-- Adds counts at every year end from the first period's year to the year before `through` that has none:
-- each year's changes per list and month, added up year by year (one pass over the periods, not one per
-- year). Returns how many year ends it added.
create function keep_standing_year_ends(through date) returns integer language plpgsql as $$
declare
    first_year integer;
    last_year integer := extract(year from through)::integer - 1;
    missing integer;
begin
    select extract(year from min(valid_from))::integer into first_year from standing_period where status = 'ACTIVE';
    if first_year is null or first_year > last_year
            or (select count(*) from standing_year_end where year_end > make_date(first_year - 1, 12, 31)
                and year_end <= make_date(last_year, 12, 31)) = last_year - first_year + 1 then
        return 0;
    end if;
    -- The writers' lock (V12): no period changes between reading them and keeping what they count. Another
    -- server may have added the year ends while this one waited for it.
    perform pg_advisory_xact_lock(hashtext('partner_standing'));
    select count(*) into missing from generate_series(first_year, last_year) y
    where not exists (select 1 from standing_year_end e where e.year_end = make_date(y, 12, 31));
    if missing = 0 then
        return 0;
    end if;

    with added_ends as (
        insert into standing_year_end (year_end)
        select make_date(y, 12, 31) from generate_series(first_year, last_year) y
        on conflict do nothing
        returning year_end
    ),
    changes as (
        select extract(year from valid_from)::integer as year, list_rank,
               date_trunc('month', signed_on::timestamp)::date as signed_month, 1 as change
        from standing_period where status = 'ACTIVE' and valid_from <= make_date(last_year, 12, 31)
        union all
        select extract(year from valid_until)::integer, list_rank, date_trunc('month', signed_on::timestamp)::date, -1
        from standing_period
        where status = 'ACTIVE' and valid_until <> 'infinity' and valid_until <= make_date(last_year, 12, 31)
    ),
    per_year as (
        select year, list_rank, signed_month, sum(change) as change from changes group by 1, 2, 3
    ),
    -- Every month's count at every year end since its first change: the year's changes added to the last.
    running as (
        select make_date(y.year, 12, 31) as year_end, m.list_rank, m.signed_month,
               sum(coalesce(c.change, 0)) over (partition by m.list_rank, m.signed_month order by y.year) as active
        from (select distinct list_rank, signed_month from per_year) m
        cross join generate_series(first_year, last_year) y (year)
        left join per_year c on c.list_rank = m.list_rank and c.signed_month = m.signed_month and c.year = y.year
    )
    insert into standing_month_count (year_end, list_rank, signed_month, active)
    select r.year_end, r.list_rank, r.signed_month, r.active
    from running r join added_ends e on e.year_end = r.year_end
    where r.active <> 0;
    return missing;
end;
$$;

-- V15's rebuild of the periods goes under another name: refresh_standing_periods, which the triggers and a
-- bulk load call, now also moves the counts. What the partners' old periods counted is taken away, and what
-- their new ones count is added.
alter function refresh_standing_periods(bigint[]) rename to rebuild_standing_periods;

-- Everyone's (a bulk load) are counted again from nothing, year by year, as keep_standing_year_ends does.
create function refresh_standing_periods(partners bigint[]) returns void language sql as $$
    select count_standing_at_year_ends(partners, -1) where partners is not null;
    delete from standing_year_end where partners is null;
    select rebuild_standing_periods(partners);
    select count_standing_at_year_ends(partners, 1) where partners is not null;
    select keep_standing_year_ends(current_date) where partners is null;
$$;

select keep_standing_year_ends(current_date);
