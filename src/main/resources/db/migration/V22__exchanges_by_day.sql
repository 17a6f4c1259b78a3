-- Every exchange by day (published or not), for the partners with an exchange in a span of years: what
-- dormancy (decision record 0025) reads as one range rather than one probe per partner.
create index exchange_by_day on exchange (starts_on, partner_id);
