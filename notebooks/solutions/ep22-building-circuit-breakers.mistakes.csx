// Typical wrong answers for notebooks/ep22-building-circuit-breakers.ipynb; every check must report "failed".
// No exercises yet: they are added with the episode's exercise catalog.
