// Typical mistakes for notebooks/ep21-raft.ipynb, one block per exercise (see the ep01 file for the format).
// The episode has no exercises yet.
