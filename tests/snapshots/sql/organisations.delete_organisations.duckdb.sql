DELETE FROM organisation
