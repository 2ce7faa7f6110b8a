DELETE FROM analysis_unit
