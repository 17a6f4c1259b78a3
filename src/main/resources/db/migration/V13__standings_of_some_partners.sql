-- A page of the lists on an earlier date needs the standings of its fifty partners, but
-- partner_standing_on (V11) derives every partner's to number them: seconds per page at a million
-- agreements, on every scroll. The rule is now one function that derives the standings of the partners
-- it is given, or of all of them; partner_standing_on numbers all of them as before, and the read model
-- takes a page's numbers from the date's official order, which it remembers (decision record 0015).
--
-- The partners' condition is spliced into the one statement that states the rule (dynamic SQL, planned
-- for each call): a plan that must also serve "every partner" could not use the indexes by partner.

create function partner_standings_on(as_of date, partners bigint[])
    returns table (partner_id bigint, kind varchar, list_rank smallint, signed_on date, status varchar)
    language plpgsql stable as $body$
begin
    return query execute format($rule$
        with status_then as (
            select distinct on (sc.agreement_id) sc.agreement_id, sc.status
            from agreement_status_change sc
            where sc.effective_on <= $1 %s
            order by sc.agreement_id, sc.effective_on desc, sc.id desc
        )
        select distinct on (a.partner_id) a.partner_id, a.kind, list_rank(a.kind), a.signed_on, s.status
        from agreement a
        join status_then s on s.agreement_id = a.id
        where a.signed_on <= $1 %s
        order by a.partner_id, standing_preference(s.status, a.kind), a.signed_on desc, a.id desc
        $rule$,
        case when partners is null then ''
             else 'and sc.agreement_id in (select id from agreement where partner_id = any ($2))' end,
        case when partners is null then '' else 'and a.partner_id = any ($2)' end)
    using as_of, partners;
end;
$body$;

create or replace function partner_standing_on(as_of date)
    returns table (partner_id bigint, kind varchar, list_rank smallint, signed_on date, status varchar, seq integer)
    language sql stable as $$
    select st.partner_id, st.kind, st.list_rank, st.signed_on, st.status,
           case when st.status = 'ACTIVE' then (row_number() over (
               partition by st.list_rank, st.status = 'ACTIVE' order by st.signed_on, st.partner_id))::integer end
    from partner_standings_on(as_of, null) st;
$$;
