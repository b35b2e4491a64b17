-- Where an organisation membership came from: NULL when given by hand (an administrator, a CSV import), else the id
-- of the identity provider whose claims gave it at a login (claim rules). At each login through a provider, the
-- memberships that provider's claims gave are made to match the claims again (added, changed, removed); those given
-- by hand are never touched by the rules.
ALTER TABLE organisation_member ADD COLUMN claims_provider VARCHAR(100);
