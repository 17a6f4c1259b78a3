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
