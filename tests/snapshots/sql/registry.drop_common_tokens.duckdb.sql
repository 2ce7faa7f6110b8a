DROP TABLE _common
