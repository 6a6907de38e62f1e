// Package api serves the JSON API behind bearer tokens.
package api

import (
	"fmt"
	"net/http"

	"authforbidden/ctxid/bearer"
	"authforbidden/ctxid/ident"
	"authforbidden/ctxid/who"
)

// Routes mounts the API.
func Routes(v bearer.Verifier) http.Handler {
	auth := bearer.Require(v)
	mux := http.NewServeMux()
	mux.Handle("/me", auth(http.HandlerFunc(me)))
	mux.Handle("/admin", auth(http.HandlerFunc(admin)))
	mux.Handle("/reports", auth(http.HandlerFunc(reports)))
	mux.Handle("/trace", auth(http.HandlerFunc(trace)))
	mux.Handle("/hello", auth(http.HandlerFunc(hello)))
	return mux
}

func me(w http.ResponseWriter, r *http.Request) {
	p, ok := ident.FromContext(r.Context())
	if !ok {
		http.Error(w, "forbidden", http.StatusForbidden) // want `403 answers an authentication failure \(no authenticated identity in the request context\)`
		return
	}
	fmt.Fprintln(w, p.Subject)
}

// admin answers a caller without the role with 403: authorization.
func admin(w http.ResponseWriter, r *http.Request) {
	p, ok := ident.FromContext(r.Context())
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if !p.Has("admin") {
		http.Error(w, "admins only", http.StatusForbidden)
		return
	}
	fmt.Fprintln(w, "welcome")
}

func reports(w http.ResponseWriter, r *http.Request) {
	p := ident.Current(r)
	if p == nil {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure \(no authenticated identity in the request context\)`
		return
	}
	if p.Subject == "guest" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	fmt.Fprintln(w, "reports of", p.Subject)
}

// trace: the trace id kept beside the principal is no identity.
func trace(w http.ResponseWriter, r *http.Request) {
	id, ok := ident.Trace(r.Context())
	if !ok {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	fmt.Fprintln(w, id)
}

func hello(w http.ResponseWriter, r *http.Request) {
	name := who.Name(r.Context())
	if name == "" {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure \(no authenticated identity in the request context\)`
		return
	}
	fmt.Fprintln(w, "hello", name)
}
