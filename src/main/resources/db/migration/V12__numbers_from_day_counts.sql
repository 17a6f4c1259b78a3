-- 序 is no longer stored on each standing (decision record 0015, superseding that part of 0007). A stored
-- number made a back-dated agreement, or the end of one in the middle of a list, rewrite every later
-- number: seconds per write at a million partners (V5 only shortened what was rewritten).
--
-- Now an active standing keeps its position among the active standings of its list signed on the same
-- day (by partner id, as 序 orders them), and standing_day_count keeps how many there are per list and
-- day. A standing's 序 is the count of its list's earlier days plus its position in its day: the read
-- model adds them up from the counts, which it reads once per registry version. A write touches only the
-- days it changes: their counters and the few standings signed on them.

drop index partner_standing_official_order;
drop index partner_standing_list_order;
drop function renumber_partner_standing(smallint, date, bigint);
alter table partner_standing drop column seq;
-- Position among the list's active standings signed the same day, from 1; null unless active.
alter table partner_standing add column seq_in_day integer;

-- How many active standings each list has per signing day: only days that have any.
create table standing_day_count (
    list_rank smallint not null,
    signed_on date     not null,
    active    integer  not null check (active > 0),
    primary key (list_rank, signed_on)
);

create index partner_standing_day_order on partner_standing (list_rank, signed_on, seq_in_day)
    where status = 'ACTIVE';

-- Numbers and counts the given days of the given lists again (ranks[i] with days[i]), from the standings
-- as they are now.
create function renumber_partner_standing_days(ranks smallint[], days date[]) returns void language sql as $$
    update partner_standing s set seq_in_day = n.position
    from (select p.partner_id,
                 row_number() over (partition by p.list_rank, p.signed_on order by p.partner_id)::int as position
          from partner_standing p
          join (select distinct rank, day from unnest(ranks, days) as t (rank, day)) t
            on p.list_rank = t.rank and p.signed_on = t.day
          where p.status = 'ACTIVE') n
    where s.partner_id = n.partner_id and s.seq_in_day is distinct from n.position;

    delete from standing_day_count d
    using (select distinct rank, day from unnest(ranks, days) as t (rank, day)) t
    where d.list_rank = t.rank and d.signed_on = t.day;

    insert into standing_day_count (list_rank, signed_on, active)
    select p.list_rank, p.signed_on, count(*)
    from partner_standing p
    join (select distinct rank, day from unnest(ranks, days) as t (rank, day)) t
      on p.list_rank = t.rank and p.signed_on = t.day
    where p.status = 'ACTIVE'
    group by p.list_rank, p.signed_on;
$$;

-- Every day of both lists, for loads that bypass the triggers (the benchmark's generator).
create or replace function renumber_partner_standing() returns void language sql as $$
    update partner_standing set seq_in_day = null where seq_in_day is not null and status <> 'ACTIVE';

    update partner_standing s set seq_in_day = n.position
    from (select partner_id,
                 row_number() over (partition by list_rank, signed_on order by partner_id)::int as position
          from partner_standing
          where status = 'ACTIVE') n
    where s.partner_id = n.partner_id and s.seq_in_day is distinct from n.position;

    delete from standing_day_count;

    insert into standing_day_count (list_rank, signed_on, active)
    select list_rank, signed_on, count(*) from partner_standing where status = 'ACTIVE' group by list_rank, signed_on;
$$;

create or replace function agreement_changed() returns trigger language plpgsql as $$
declare
    partners bigint[];
    -- The (list, day) pairs whose numbers may change: where the touched partners were listed, and are.
    ranks smallint[];
    days date[];
begin
    if tg_op = 'DELETE' then
        partners := array(select distinct partner_id from old_rows);
    elsif tg_op = 'UPDATE' then
        -- Corrections of place, source or notes leave every standing as it was.
        if not exists (select 1 from new_rows n join old_rows o on o.id = n.id
                       where (n.partner_id, n.kind, n.signed_on, n.status)
                             is distinct from (o.partner_id, o.kind, o.signed_on, o.status)) then
            return null;
        end if;
        partners := array(select partner_id from new_rows union select partner_id from old_rows);
    else
        partners := array(select distinct partner_id from new_rows);
    end if;

    -- One writer at a time: two at once would each count a day without the other's rows, and give two
    -- partners the same position, which nothing later heals. The lock waits for the other writer's
    -- commit, and the statements after it then see its rows.
    perform pg_advisory_xact_lock(hashtext('partner_standing'));

    select array_agg(list_rank), array_agg(signed_on) into ranks, days
    from partner_standing where partner_id = any (partners) and status = 'ACTIVE';
    perform refresh_partner_standing(partners);
    select ranks || array_agg(list_rank), days || array_agg(signed_on) into ranks, days
    from partner_standing where partner_id = any (partners) and status = 'ACTIVE';

    if ranks is not null then
        perform renumber_partner_standing_days(ranks, days);
    end if;
    return null;
end;
$$;

select renumber_partner_standing();
