// Package bearer authenticates API calls by bearer token and keeps the
// caller for the handlers.
package bearer

import (
	"net/http"
	"strings"

	"authforbidden/ctxid/ident"
	"authforbidden/ctxid/who"
)

// Verifier checks an access token.
type Verifier interface {
	Verify(token string) (*ident.Principal, error)
}

// Require answers 401 with a challenge to calls without a valid token.
func Require(v Verifier) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok {
				w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
				http.Error(w, "missing token", http.StatusUnauthorized)
				return
			}
			p, err := v.Verify(tok)
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
				http.Error(w, "invalid token", http.StatusUnauthorized)
				return
			}
			ctx := ident.WithPrincipal(r.Context(), p)
			ctx = ident.WithTrace(ctx, r.Header.Get("X-Request-Id"))
			ctx = who.WithName(ctx, p.Subject)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
