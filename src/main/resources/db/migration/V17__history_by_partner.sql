-- When each partner's page last changed, from the registry's history (the sitemap's lastmod): the audit
-- tables are keyed by revision first, so a partner's, its agreements' and their status changes' revisions
-- are found by these indexes instead of a scan of the whole history.
create index partner_aud_by_partner on partner_aud (id, rev);
create index agreement_aud_by_partner on agreement_aud (partner_id, rev);
create index agreement_status_change_aud_by_agreement on agreement_status_change_aud (agreement_id, rev);
