-- At least one enabled administrator remains, whatever writes the accounts. The service locks every enabled
-- administrator's row before disabling or demoting one (UserService), so that two administrators doing it to
-- each other at once cannot both pass; this trigger is the last line for any other path (psql, a script).
-- Checked at the commit, so that a transaction may hand the role from one account to another.
create function an_enabled_administrator_remains() returns trigger language plpgsql as $$
begin
    if exists (select 1 from app_user) and not exists (select 1 from app_user where role = 'ADMIN' and enabled) then
        raise exception 'At least one enabled administrator must remain'
            using errcode = 'check_violation', constraint = 'an_enabled_administrator_remains';
    end if;
    return null;
end;
$$;

create constraint trigger an_enabled_administrator_remains after update or delete on app_user
    deferrable initially deferred for each row execute function an_enabled_administrator_remains();
