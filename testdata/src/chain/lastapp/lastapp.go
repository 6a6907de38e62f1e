package lastapp

import "chain/lastpolicy"

// Strategies puts the challenge-less strategy last, where lastpolicy.Try
// takes its challenge from.
var Strategies = []lastpolicy.Strategy{
	lastpolicy.Digest{}, // challenges
	lastpolicy.Cookie{}, // want `Cookie is challenge-less but sits last`
}
