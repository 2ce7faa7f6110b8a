DELETE FROM org_location
