-- The Landkreis' seat (Kreissitz): the place in the signature line of a Beschluss ("Sondershausen, den 31.03.2021").
ALTER TABLE bodies ADD COLUMN seat TEXT NULL;
