-- An organisation's presentation on its public page (/organisations/{slug}): a few paragraphs of plain text (or
-- Markdown) written by its administrators. Public, as its name and logo.
ALTER TABLE organisation ADD COLUMN description VARCHAR(4000);
