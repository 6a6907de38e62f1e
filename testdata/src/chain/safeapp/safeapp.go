package safeapp

import "chain/safe"

// Schemes is in DRF's order, but the consumers are order-safe: silent.
var Schemes = []safe.Scheme{safe.Session{}, safe.Bearer{}}
