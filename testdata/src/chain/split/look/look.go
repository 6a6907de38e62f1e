// Package look answers refused requests of a lib.Gate from its first
// scheme: the loop is in lib, the lookup here.
package look

import (
	"net/http"

	"chain/split/lib"
)

// Guard answers 401 with the first scheme's challenge, 403 without one.
func Guard(g *lib.Gate, w http.ResponseWriter, r *http.Request) bool {
	if g.Allow(r) {
		return true
	}
	if c := g.Schemes[0].Challenge(); c != "" { // want `challenge taken from Gate.Schemes\[0\] whatever failed`
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return false
	}
	w.WriteHeader(http.StatusForbidden)
	return false
}

// Single asks a scheme that is no element of a chain: silent.
func Single(s lib.Scheme) string { return s.Challenge() }

// GuardHead is Guard with the first scheme taken by a generic helper of lib.
func GuardHead(g *lib.Gate, w http.ResponseWriter, r *http.Request) bool {
	if g.Allow(r) {
		return true
	}
	w.Header().Set("WWW-Authenticate", lib.Head(g.Schemes).Challenge()) // want `challenge taken from Gate.Schemes\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
	return false
}
