-- A write used to renumber both whole lists: seconds per agreement at a million partners, even when the
-- new partner simply went to the end of its list. Now each list is renumbered only from the earliest
-- position a touched partner had or now has: everything before it keeps its number, and the partner
-- just before it gives the count to start from. A partner added today renumbers one row; a back-dated one
-- still shifts everyone after it, as the published numbers do.

create index partner_standing_list_order on partner_standing (list_rank, signed_on, partner_id) where status = 'ACTIVE';

-- Numbers a list from the given position (signing date, then partner id) to its end.
create function renumber_partner_standing(rank smallint, from_signed date, from_partner bigint)
    returns void language sql as $$
    update partner_standing s set seq = n.seq
    from (select partner_id,
                 (coalesce((select b.seq from partner_standing b
                            where b.status = 'ACTIVE' and b.list_rank = rank
                              and (b.signed_on, b.partner_id) < (from_signed, from_partner)
                            order by b.signed_on desc, b.partner_id desc
                            limit 1), 0)
                  + row_number() over (order by signed_on, partner_id))::int as seq
          from partner_standing
          where status = 'ACTIVE' and list_rank = rank and (signed_on, partner_id) >= (from_signed, from_partner)) n
    where s.partner_id = n.partner_id and s.seq is distinct from n.seq;
$$;

create or replace function agreement_changed() returns trigger language plpgsql as $$
declare
    partners bigint[];
    -- Per list (index 1: sister cities, 2: exchange cities), the earliest position that changes.
    from_signed date[] := array[null, null]::date[];
    from_partner bigint[] := array[null, null]::bigint[];
    position record;
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

    -- One writer at a time: two at once would each number from the same predecessor and give two
    -- partners the same 序, which nothing later heals. The lock waits for the other writer's commit, and
    -- the statements after it then see its rows.
    perform pg_advisory_xact_lock(hashtext('partner_standing'));

    -- Where the touched partners stood before the change, then where they stand after it.
    for pass in 1 .. 2 loop
        if pass = 2 then
            perform refresh_partner_standing(partners);
        end if;
        for position in select distinct on (list_rank) list_rank, signed_on, partner_id
                        from partner_standing
                        where partner_id = any (partners) and status = 'ACTIVE'
                        order by list_rank, signed_on, partner_id loop
            if from_signed[position.list_rank + 1] is null
               or (position.signed_on, position.partner_id)
                  < (from_signed[position.list_rank + 1], from_partner[position.list_rank + 1]) then
                from_signed[position.list_rank + 1] := position.signed_on;
                from_partner[position.list_rank + 1] := position.partner_id;
            end if;
        end loop;
    end loop;

    for rank in 0 .. 1 loop
        if from_signed[rank + 1] is not null then
            perform renumber_partner_standing(rank::smallint, from_signed[rank + 1], from_partner[rank + 1]);
        end if;
    end loop;
    return null;
end;
$$;
