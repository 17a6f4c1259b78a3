-- Two writes at once each numbered their new partner from the same predecessor and gave both the same 序.
-- V3's whole-list renumbering healed that at the next write; V5's renumbering from the moved position does
-- not. So the standings are now kept by one transaction at a time: the lock waits for the other writer's
-- commit, and the function's later statements then see its rows.
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

-- The registry's version, for the results the directory keeps between requests (decision record 0008):
-- counted up by every statement that changes what the directory shows, in the same transaction, so that
-- a version is never seen before the data it stands for. (The latest audit revision was used before; its
-- id is taken before the commit, so a later revision could commit first.)
create table registry_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into registry_version (version) values (0);

create function registry_changed() returns trigger language plpgsql as $$
begin
    update registry_version set version = version + 1;
    return null;
end;
$$;

create trigger partner_counted after insert or update or delete on partner
    for each statement execute function registry_changed();
create trigger agreement_counted after insert or update or delete on agreement
    for each statement execute function registry_changed();
create trigger agreement_status_change_counted after insert or update or delete on agreement_status_change
    for each statement execute function registry_changed();
create trigger country_counted after insert or update or delete on country
    for each statement execute function registry_changed();
