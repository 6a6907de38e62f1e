// Package demo is a small service whose authentication answers go wrong in
// the ways authchallenge reports. `make demo` lints it.
package demo

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// Server holds the API key and the Basic credentials.
type Server struct {
	APIKey, User, Password string
}

// Routes mounts the handlers.
func (s *Server) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/api/", s.RequireBearer(http.HandlerFunc(s.api)))
	mux.HandleFunc("/admin", s.admin)
	mux.HandleFunc("/files", s.files)
	mux.HandleFunc("/reports", s.reports)
	// The browser app and API clients share the projects view; with the
	// session first, a client whose token expired gets 403 and never
	// refreshes it.
	mux.Handle("/projects", NewView(s.projects, SessionAuth{}, TokenAuth{Token: s.APIKey}))
	return mux
}

// RequireBearer checks the bearer token. A client refreshing its token on
// 401 cannot tell which scheme to use: no challenge is sent.
func (s *Server) RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.APIKey)) != 1 {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte("ok"))
}

// admin answers a role check with 401: the caller is known, the status is
// wrong.
func (s *Server) admin(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Role") != "admin" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	_, _ = w.Write([]byte("welcome"))
}

// files does it right: the challenge goes out with the 401.
func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.User || pass != s.Password {
		w.Header().Set("WWW-Authenticate", `Basic realm="files", charset="UTF-8"`)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_, _ = w.Write([]byte("files"))
}

func (s *Server) projects(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte("projects"))
}

// reports answers missing Basic credentials with 403: the client is never
// asked for them.
func (s *Server) reports(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.User || pass != s.Password {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_, _ = w.Write([]byte("reports"))
}
