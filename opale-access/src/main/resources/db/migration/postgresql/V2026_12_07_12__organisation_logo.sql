-- An organisation's logo, shown in the console and on its pages: the https (or http) address of an image hosted by
-- the organisation; Opale stores the address only, never the image.
ALTER TABLE organisation ADD COLUMN logo_url VARCHAR(500);
