UPDATE stg_st SET ecosystems = ?
