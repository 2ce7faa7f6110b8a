DELETE FROM indicator_value
WHERE
  indicator = '29' AND measure = 'actors'
