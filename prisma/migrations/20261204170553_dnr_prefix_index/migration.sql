-- Hand-written: Dnr prefix search (dnrKey LIKE 'ks2023%') can use a B-tree index
-- only with the pattern operator class when the database's collation is not C.
-- The index Prisma declares (municipalityId, dnrKey) serves exact lookups.
CREATE INDEX "Paragraph_municipalityId_dnrKey_prefix_idx" ON "Paragraph"("municipalityId", "dnrKey" text_pattern_ops);
