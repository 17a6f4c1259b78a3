-- Where each partner stood over time, kept (decision record 0017): the lists on an earlier date were
-- derived from the whole status history on every read (partner_standing_on, V11/V13), seconds at a million
-- agreements. Now each partner's standings are kept as periods, from one change of its standing to the
-- next, and a date's standings are the periods that hold on it: one index range, no history read.
--
-- The rule stays where V13 states it (partner_standings_on): a period is the rule's answer on one of the
-- partner's change dates (a signing or a status change), held until the next date on which the answer
-- differs. Triggers on agreements and on status changes rebuild the periods of the partners they touch.

create table standing_period (
    partner_id  bigint      not null references partner (id) on delete cascade,
    valid_from  date        not null,
    valid_until date        not null,   -- exclusive: the next change, or 'infinity' while it holds
    kind        varchar(20) not null,
    list_rank   smallint    not null,
    signed_on   date        not null,
    status      varchar(12) not null,
    primary key (partner_id, valid_from),
    check (valid_from < valid_until)
);

-- The official lists on a date in their order: active periods by list, signing date and partner; the
-- validity comes with the index, so that a date's lists are read from the index alone.
create index standing_period_official_order on standing_period (list_rank, signed_on, partner_id)
    include (valid_from, valid_until) where status = 'ACTIVE';

-- Rebuilds the periods of the given partners (null: of every partner) from their agreements' history, by
-- the rule: its answer on every date the partner's standing may change, runs of the same answer merged.
create function refresh_standing_periods(partners bigint[]) returns void language sql as $$
    delete from standing_period where partners is null or partner_id = any (partners);

    with points as (
        select a.partner_id, a.signed_on as on_date from agreement a
        where partners is null or a.partner_id = any (partners)
        union
        select a.partner_id, sc.effective_on
        from agreement_status_change sc
        join agreement a on a.id = sc.agreement_id
        where partners is null or a.partner_id = any (partners)
    ),
    -- One call of the rule per date, for the partners with a change on it.
    answers as (
        select d.on_date, s.partner_id, s.kind, s.list_rank, s.signed_on, s.status
        from (select on_date, array_agg(partner_id) as partners from points group by on_date) d
        cross join lateral partner_standings_on(d.on_date, d.partners) s
    ),
    standing_at as (
        select pt.partner_id, pt.on_date, a.kind, a.list_rank, a.signed_on, a.status
        from points pt
        left join answers a on a.partner_id = pt.partner_id and a.on_date = pt.on_date
    ),
    -- A date whose answer differs from the previous date's starts a run (a partner with no standing yet
    -- answers nothing, which starts no period until it has one).
    runs as (
        select *, lead(on_date) over (partition by partner_id order by on_date) as next_change
        from (select *,
                     kind is distinct from lag(kind) over w
                     or signed_on is distinct from lag(signed_on) over w
                     or status is distinct from lag(status) over w as starts
              from standing_at
              window w as (partition by partner_id order by on_date)) marked
        where starts
    )
    insert into standing_period (partner_id, valid_from, valid_until, kind, list_rank, signed_on, status)
    select partner_id, on_date, coalesce(next_change, 'infinity'), kind, list_rank, signed_on, status
    from runs
    where kind is not null;
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
    perform refresh_standing_periods(partners);
    return null;
end;
$$;

-- A status change written, corrected or removed on its own (an import of history, a correction by hand)
-- moves the partner's periods as well.
create function status_history_changed() returns trigger language plpgsql as $$
begin
    -- One writer at a time, as in agreement_changed: two rebuilding one partner's periods at once would each
    -- insert what they computed, and the second would fail on the first's rows. (The registry version's row,
    -- V6, already orders writers; this does not depend on that.)
    perform pg_advisory_xact_lock(hashtext('partner_standing'));
    perform refresh_standing_periods(array(
        select distinct a.partner_id from agreement a
        where a.id in (select agreement_id from changed_rows)));
    return null;
end;
$$;

create trigger status_history_inserted after insert on agreement_status_change
    referencing new table as changed_rows for each statement execute function status_history_changed();
-- An update's rows as they are: a status change never moves to another agreement.
create trigger status_history_updated after update on agreement_status_change
    referencing new table as changed_rows for each statement execute function status_history_changed();
create trigger status_history_deleted after delete on agreement_status_change
    referencing old table as changed_rows for each statement execute function status_history_changed();

-- The lists on a date, numbered, as V11 defined them: now from the periods that hold on it.
create or replace function partner_standing_on(as_of date)
    returns table (partner_id bigint, kind varchar, list_rank smallint, signed_on date, status varchar, seq integer)
    language sql stable as $$
    select s.partner_id, s.kind, s.list_rank, s.signed_on, s.status,
           case when s.status = 'ACTIVE' then (row_number() over (
               partition by s.list_rank, s.status = 'ACTIVE' order by s.signed_on, s.partner_id))::integer end
    from standing_period s
    where s.valid_from <= as_of and as_of < s.valid_until;
$$;

select refresh_standing_periods(null);
