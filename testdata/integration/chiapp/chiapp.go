// Package chiapp holds chi router code for the nochallenge rule: chi's own
// BasicAuth middleware next to hand-written guards.
package chiapp

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// Tenants maps tenant ids to the one token each accepts.
type Tenants map[string]string

func (t Tenants) allowed(r *http.Request) bool {
	want, ok := t[chi.URLParam(r, "tenant")]
	if !ok {
		return false
	}
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return tok != "" && tok == want
}

// TenantOnly guards a tenant subtree without naming a scheme.
func (t Tenants) TenantOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !t.allowed(r) {
			http.Error(w, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized) // want nochallenge
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Export streams a tenant export; it repeats the check and forgets the challenge.
func (t Tenants) Export(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized) // want nochallenge
		return
	}
	w.Write([]byte("export of " + chi.URLParam(r, "tenant") + "\n"))
}

// TenantChallenge guards a tenant subtree and names the scheme.
func (t Tenants) TenantChallenge(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !t.allowed(r) {
			// silent: challenge carries the tenant as realm, set right before the 401
			w.Header().Set("WWW-Authenticate", `Bearer realm="`+chi.URLParam(r, "tenant")+`"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Billing is open to the tenant's owner only.
func Billing(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Tenant-Role") != "owner" {
		// silent: 403 is not this rule's business
		http.Error(w, "owners only", http.StatusForbidden)
		return
	}
	w.Write([]byte("billing\n"))
}

// Router wires the handlers above. /ops uses chi's middleware.BasicAuth.
func Router(t Tenants, ops map[string]string) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)

	r.Route("/t/{tenant}", func(r chi.Router) {
		r.With(t.TenantOnly).Get("/items", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("items\n"))
		})
		r.Get("/export", t.Export)
		r.With(t.TenantChallenge).Get("/billing", Billing)
	})

	r.Group(func(r chi.Router) {
		// silent: library middleware chi BasicAuth sets its own challenge
		r.Use(middleware.BasicAuth("ops", ops))
		r.Get("/ops/health", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("ok\n"))
		})
	})
	return r
}
