// Package mounted: handlers that answer a bare 401 and the places the
// package mounts them. A handler mounted only inside a middleware that sets
// the challenge first answers with that challenge.
package mounted

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"nochallenge/mounted/mw"
)

// Files serves the firmware images.
type Files struct{ tokens map[string]bool }

func (f *Files) authorized(r *http.Request) bool {
	return f.tokens[r.Header.Get("Authorization")]
}

// Firmware is mounted behind ChallengeOn401 only: its 401 is challenged.
func (f *Files) Firmware(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Manifest is mounted behind ChallengeOn401 once and bare once.
func (f *Files) Manifest(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Logs is mounted behind a middleware that sets nothing.
func (f *Files) Logs(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		http.Error(w, "unauthorized", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Metrics is mounted behind a middleware that sets the challenge only on
// some paths.
func (f *Files) Metrics(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Export is never mounted here: a router elsewhere may serve it bare.
func (f *Files) Export(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// status is a plain function handler, mounted behind the challenge.
func status(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Nested is mounted inside a logger inside ChallengeOn401: the challenge is
// set before the logger runs.
func (f *Files) Nested(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// NestedPartial is mounted inside ChallengeIfAPI inside a logger: no layer
// sets the challenge on every path.
func (f *Files) NestedPartial(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Routes mounts them.
func Routes(f *Files) *http.ServeMux {
	mux := http.NewServeMux()
	challenged := mw.ChallengeOn401(`Bearer realm="files"`)
	mux.Handle("/firmware/", mw.ChallengeOn401(`Bearer realm="files"`)(http.HandlerFunc(f.Firmware)))
	mux.Handle("/manifest", mw.ChallengeOn401(`Bearer realm="files"`)(http.HandlerFunc(f.Manifest)))
	mux.HandleFunc("/manifest.json", f.Manifest)
	mux.Handle("/logs", mw.Logged(http.HandlerFunc(f.Logs)))
	mux.Handle("/metrics", mw.ChallengeIfAPI(http.HandlerFunc(f.Metrics)))
	mux.Handle("/status", mw.ChallengeOn401(`Bearer realm="files"`)(http.HandlerFunc(status)))
	mux.Handle("/nested", mw.ChallengeOn401(`Bearer realm="files"`)(mw.Logged(http.HandlerFunc(f.Nested))))
	mux.Handle("/nested-partial", mw.Logged(mw.ChallengeIfAPI(http.HandlerFunc(f.NestedPartial))))
	_ = challenged
	return mux
}

// Router stacks: a handler registered on a router whose stack holds a
// middleware that sets the challenge on every path answers with it.
func (f *Files) Images(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (f *Files) Reports(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (f *Files) Audit(w http.ResponseWriter, r *http.Request) {
	if !f.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// RouterRoutes mounts them on chi routers.
func RouterRoutes(f *Files) http.Handler {
	r := chi.NewRouter()
	images := chi.NewRouter()
	images.Use(mw.Logged, mw.ChallengeOn401(`Bearer realm="files"`))
	images.Get("/images/{name}", f.Images)
	r.With(mw.ChallengeOn401(`Bearer realm="files"`)).Get("/reports", f.Reports)
	// a router whose stack sets nothing on every path
	audit := chi.NewRouter()
	audit.Use(mw.ChallengeIfAPI)
	audit.Get("/audit", f.Audit)
	r.Mount("/files", images)
	r.Mount("/audit", audit)
	return r
}
