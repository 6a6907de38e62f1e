package lastpolicy

import "net/http"

// Strategy is tried in order; the failure answer uses the last one tried.
type Strategy interface {
	Check(h http.Header) error
	Header() string
}

// Cookie has no challenge.
type Cookie struct{}

func (Cookie) Check(h http.Header) error { return nil }
func (Cookie) Header() string            { return "" }

// Digest challenges.
type Digest struct{}

func (Digest) Check(h http.Header) error { return nil }
func (Digest) Header() string            { return `Digest realm="x", qop="auth"` }

// Try keeps the loop variable after the loop and asks it.
func Try(strategies []Strategy, w http.ResponseWriter, r *http.Request) {
	var last Strategy
	for _, s := range strategies {
		last = s
		if s.Check(r.Header) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", last.Header()) // want `challenge taken from the last of strategies whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// TryQuiet is Try with the lookup suppressed.
func TryQuiet(strategies []Strategy, w http.ResponseWriter, r *http.Request) {
	var last Strategy
	for _, s := range strategies {
		last = s
		if s.Check(r.Header) == nil {
			return
		}
	}
	//authchallenge:ignore firstchallenge the last strategy is the only one with a challenge here
	w.Header().Set("WWW-Authenticate", last.Header())
}
