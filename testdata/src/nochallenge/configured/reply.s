// Reply is implemented elsewhere; the declaration without a body stands
// for a helper the analysis cannot see into.
