// Package introspect asks an authorization server about bearer tokens
// (RFC 7662): its answer's "active" member, false, says the token is not
// valid, an authentication failure; the answer's other members (a scope, an
// admin flag) are authorization, and an "active" flag that no check of the
// token returned (a feature switch of the configuration) is neither.
package introspect

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Answer is the authorization server's introspection response.
type Answer struct {
	Active bool   `json:"active"`
	Scope  string `json:"scope"`
	Admin  bool   `json:"admin"`
}

// Client introspects tokens.
type Client struct {
	Endpoint string
	HTTP     *http.Client
}

// Introspect posts the token to the introspection endpoint.
func (c *Client) Introspect(token string) (*Answer, error) {
	resp, err := c.HTTP.PostForm(c.Endpoint, url.Values{"token": {token}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var a Answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return nil, err
	}
	return &a, nil
}

func bearer(r *http.Request) (string, bool) {
	return strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func challenge(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
	w.WriteHeader(http.StatusUnauthorized)
}

// Guard answers an inactive token 403: the bug.
func (c *Client) Guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r)
		if !ok {
			challenge(w)
			return
		}
		a, err := c.Introspect(tok)
		if err != nil {
			http.Error(w, "introspection failed", http.StatusBadGateway)
			return
		}
		if !a.Active {
			http.Error(w, "token not active", http.StatusForbidden) // want `403 answers an authentication failure \(the Authorization header checked out but has expired or is not active\)`
			return
		}
		if a.Admin == false {
			http.Error(w, "admins only", http.StatusForbidden) // silent: the admin flag is authorization
			return
		}
		if !strings.Contains(a.Scope, "orders:write") {
			http.Error(w, "insufficient scope", http.StatusForbidden) // silent: a scope is authorization
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Fixed answers an inactive token 401 with its challenge.
func (c *Client) Fixed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r)
		if !ok {
			challenge(w)
			return
		}
		a, err := c.Introspect(tok)
		if err != nil {
			http.Error(w, "introspection failed", http.StatusBadGateway)
			return
		}
		if !a.Active {
			challenge(w) // silent: 401 with a challenge
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Features is the service's configuration: its "active" is a switch, not
// a verdict on any token.
type Features struct {
	Active bool `json:"active"`
}

// Switch answers 403 while the feature is off, after the token checked out.
func (c *Client) Switch(f *Features, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r)
		if !ok {
			challenge(w)
			return
		}
		a, err := c.Introspect(tok)
		if err != nil || !a.Active {
			challenge(w)
			return
		}
		if !f.Active {
			http.Error(w, "feature disabled", http.StatusForbidden) // silent: the configuration's switch
			return
		}
		next.ServeHTTP(w, r)
	})
}
