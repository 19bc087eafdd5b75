// Reference answers for notebooks/ep22-building-circuit-breakers.ipynb, one block per exercise (see the ep01 file for the format).
// No exercises yet: they are added with the episode's exercise catalog.
