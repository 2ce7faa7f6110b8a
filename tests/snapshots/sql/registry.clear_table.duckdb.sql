DELETE FROM registry_org
