-- Where every partner stands today, kept by the database itself, so that the public directory pages
-- through a million partners by index instead of deriving every standing and number on each request.
-- Status changes and signing dates are never in the future, so "today" is simply the latest state: it
-- changes only when agreements are written, and these triggers follow every write (services, seed load,
-- imports, bulk loads alike). Lists and numbers on earlier dates are still derived from the history.

create table partner_standing (
    partner_id bigint      primary key references partner (id) on delete cascade,
    kind       varchar(20) not null,
    list_rank  smallint    not null,            -- 0 for the sister-city list, 1 for the exchange list
    signed_on  date        not null,
    status     varchar(12) not null,
    seq        integer                          -- 序, dense within each list, for active standings only
);
create index partner_standing_official_order on partner_standing (list_rank, seq) where status = 'ACTIVE';
create index partner_standing_status on partner_standing (status, list_rank, signed_on);

-- Recomputes the standing of the given partners from their agreements' current status.
create function refresh_partner_standing(partners bigint[]) returns void language sql as $$
    delete from partner_standing where partner_id = any (partners);
    insert into partner_standing (partner_id, kind, list_rank, signed_on, status)
    select distinct on (a.partner_id) a.partner_id, a.kind,
           case a.kind when 'SISTER_CITY' then 0 else 1 end, a.signed_on, a.status
    from agreement a
    where a.partner_id = any (partners)
    order by a.partner_id,
             case a.status when 'ACTIVE' then 0 when 'SUSPENDED' then 1 when 'TERMINATED' then 2 else 3 end,
             case a.kind when 'SISTER_CITY' then 0 else 1 end,
             a.signed_on desc, a.id desc;
$$;

-- Numbers each list by signing date, ties by partner id: the published order.
create function renumber_partner_standing() returns void language sql as $$
    update partner_standing s set seq = null where s.seq is not null and s.status <> 'ACTIVE';
    update partner_standing s set seq = n.seq
    from (select partner_id,
                 (row_number() over (partition by list_rank order by signed_on, partner_id))::int as seq
          from partner_standing where status = 'ACTIVE') n
    where s.partner_id = n.partner_id and s.seq is distinct from n.seq;
$$;

create function agreement_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform refresh_partner_standing(array(select distinct partner_id from old_rows));
    elsif tg_op = 'UPDATE' then
        -- Corrections of place, source or notes leave every standing as it was.
        if not exists (select 1 from new_rows n join old_rows o on o.id = n.id
                       where (n.partner_id, n.kind, n.signed_on, n.status)
                             is distinct from (o.partner_id, o.kind, o.signed_on, o.status)) then
            return null;
        end if;
        perform refresh_partner_standing(array(select partner_id from new_rows union select partner_id from old_rows));
    else
        perform refresh_partner_standing(array(select distinct partner_id from new_rows));
    end if;
    perform renumber_partner_standing();
    return null;
end;
$$;

create trigger agreement_inserted after insert on agreement
    referencing new table as new_rows for each statement execute function agreement_changed();
create trigger agreement_updated after update on agreement
    referencing new table as new_rows old table as old_rows for each statement execute function agreement_changed();
create trigger agreement_deleted after delete on agreement
    referencing old table as old_rows for each statement execute function agreement_changed();

select refresh_partner_standing(array(select id from partner));
select renumber_partner_standing();
