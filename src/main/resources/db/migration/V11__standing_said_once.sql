-- Where a partner stands, said once. The rule lived in three places: the trigger that keeps today's
-- standings (V3), the query that derives the lists on an earlier date, and a Java copy in the import.
-- Now the choice of agreement is one function, used by the kept table and by the derivation, and a
-- date's standings are one function that the read model calls (CurrentStandingTest compares both).
--
-- The rule: on a date, a partner stands by one agreement signed by then, the first of them in
-- standing_preference order; an agreement's status on the date is its latest status change by then
-- (today that is the agreement's own status, since nothing is dated in the future). 序 numbers the
-- active standings of each list by signing date, ties by partner id (the order partners were recorded
-- in: for the seed, the published order).

-- 0 for the sister-city list, 1 for the exchange list: the lists' published order.
create function list_rank(kind varchar) returns smallint
    language sql immutable parallel safe
    return case kind when 'SISTER_CITY' then 0 else 1 end;

-- Which of a partner's agreements it stands by, lowest first: an active one, else a suspended, a
-- terminated, a superseded one; between two of the same status, a sister-city agreement before an
-- exchange memorandum; then (in the queries' order) the latest signed. Since V8 a partner has at most
-- one active agreement, so an active standing is simply that agreement.
create function standing_preference(status varchar, kind varchar) returns integer
    language sql immutable parallel safe
    return (case status when 'ACTIVE' then 0 when 'SUSPENDED' then 1 when 'TERMINATED' then 2 else 3 end) * 2
           + list_rank(kind);

create or replace function refresh_partner_standing(partners bigint[]) returns void language sql as $$
    delete from partner_standing where partner_id = any (partners);
    insert into partner_standing (partner_id, kind, list_rank, signed_on, status)
    select distinct on (a.partner_id) a.partner_id, a.kind, list_rank(a.kind), a.signed_on, a.status
    from agreement a
    where a.partner_id = any (partners)
    order by a.partner_id, standing_preference(a.status, a.kind), a.signed_on desc, a.id desc;
$$;

-- Every partner's standing on a date, numbered: what partner_standing keeps for today, derived from the
-- status history for any date.
create function partner_standing_on(as_of date)
    returns table (partner_id bigint, kind varchar, list_rank smallint, signed_on date, status varchar, seq integer)
    language sql stable as $$
    with status_then as (
        select distinct on (sc.agreement_id) sc.agreement_id, sc.status
        from agreement_status_change sc
        where sc.effective_on <= as_of
        order by sc.agreement_id, sc.effective_on desc, sc.id desc
    ),
    standing as (
        select distinct on (a.partner_id) a.partner_id, a.kind, list_rank(a.kind) as list_rank, a.signed_on, s.status
        from agreement a
        join status_then s on s.agreement_id = a.id
        where a.signed_on <= as_of
        order by a.partner_id, standing_preference(s.status, a.kind), a.signed_on desc, a.id desc
    )
    select st.partner_id, st.kind, st.list_rank, st.signed_on, st.status,
           case when st.status = 'ACTIVE' then (row_number() over (
               partition by st.list_rank, st.status = 'ACTIVE' order by st.signed_on, st.partner_id))::integer end
    from standing st;
$$;
