// Package ruleid is the one list of the authchallenge rule IDs. Each rule's
// package names itself from here, the directives accept these, and
// analyzer.New builds the suite in this order (a test holds it to that).
package ruleid

// The rule IDs, each also the name of the analyzer that reports it and the
// Category of its diagnostics.
const (
	NoChallenge    = "nochallenge"
	AuthForbidden  = "authforbidden"
	GRPCAuthCode   = "grpcauthcode"
	ChainOrder     = "chainorder"
	FirstChallenge = "firstchallenge"
)

// All lists the rules in documentation order.
var All = []string{NoChallenge, AuthForbidden, GRPCAuthCode, ChainOrder, FirstChallenge}
