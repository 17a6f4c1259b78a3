-- At most one active agreement per partner, kept by the database itself: two officers reinstating two
-- agreements of one partner at the same moment must not leave both active. Deferred to the commit, because
-- an upgrade writes the new sister-city agreement before it supersedes the memorandum. The service also locks
-- the partner for such changes, so that an officer meets a clear message rather than this constraint.
do $$
declare
    offenders text;
begin
    select string_agg(partner_id::text, ', ' order by partner_id) into offenders
    from (select partner_id from agreement where status = 'ACTIVE' group by partner_id having count(*) > 1) twice;
    if offenders is not null then
        raise exception 'Partners with more than one active agreement: %. Suspend, end or supersede all but one '
            'of each (an agreement''s status history says which is current), then start the application again.',
            offenders;
    end if;
end
$$;

alter table agreement add constraint agreement_one_active_per_partner
    exclude using btree (partner_id with =) where (status = 'ACTIVE')
    deferrable initially deferred;
