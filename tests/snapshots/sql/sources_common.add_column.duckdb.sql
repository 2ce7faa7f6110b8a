ALTER TABLE stg_values
ADD COLUMN "breakdown" TEXT
